// Grading a lesson's quiz, locally: which choice is correct per question and
// the learner's score. Answers are stored per question under a key that
// includes a hash of the question's text, so an answer never carries over to
// a question an instructor has since rewritten or moved. A translated quiz
// uses its English question's key (src/i18n/translate-lesson.ts), so an
// answer counts in both languages.

import type { Locale } from "../i18n/locales";
import { translator } from "../i18n/messages/define";
import messages from "../i18n/messages/quiz";

/** What the page needs to grade one question (the text stays in the HTML). */
export interface GradedQuestion {
  /** quizKey(index, question text) */
  key: string;
  /** Index of the correct choice. */
  correct: number;
  choices: number;
}

/** FNV-1a over UTF-16 code units, as 8 hex digits: short, stable, no crypto needed. */
function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, "0");
}

/** The storage key of question `index` whose text is `question`. */
export function quizKey(index: number, question: string): string {
  return `${index}:${fnv1a(question)}`;
}

/** How many stored answers are correct; answers to unknown questions are ignored. */
export function scoreQuiz(questions: GradedQuestion[], answers: Record<string, number>): number {
  return questions.filter((q) => Object.hasOwn(answers, q.key) && answers[q.key] === q.correct).length;
}

/** The stored answers that still belong to this quiz (known key, choice in range). */
export function currentAnswers(questions: GradedQuestion[], answers: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const q of questions) {
    const a = Object.hasOwn(answers, q.key) ? answers[q.key] : undefined;
    if (a !== undefined && a >= 0 && a < q.choices) out[q.key] = a;
  }
  return out;
}

/** The words for a score in `locale`, e.g. "3 of 4 correct.". */
export function scoreText(correct: number, total: number, locale: Locale = "en"): string {
  return translator(messages, locale)("score", { correct, total });
}
