// Build time: a lesson as a locale's page shows it. A translation
// (index.zh-cn.mdx, see lesson-translation.ts) holds only what a learner
// reads; everything else (minutes, order, the exercise's files, limits and
// handler) comes from the English lesson, so both languages run one exercise.

import { quizKey } from "../lib/quiz";
import type { TestTranslation } from "./test-text";

/** The English frontmatter fields this module reads (src/content.config.ts's lesson schema). */
export interface LessonFields {
  title: string;
  summary: string;
  objectives: string[];
  exercise?: { hints: Record<string, string> } | undefined;
  quiz?: { question: string }[] | undefined;
}

/** A translation's frontmatter (src/content.config.ts's lessonTranslations schema). */
export interface TranslationFields<Q> {
  title: string;
  summary: string;
  objectives: string[];
  hints: Record<string, string>;
  quiz?: Q[] | undefined;
  tests: Record<string, string>;
  messages: Record<string, string>;
  /** English text a message placeholder captures -> translation (lesson-translation.ts). */
  values?: Record<string, string> | undefined;
}

/**
 * The lesson with the translation's fields over the English ones. Hints keep
 * their English keys (the task names the runner reports); a hint the
 * translation lacks stays English rather than vanishing
 * (lesson-translations.test.ts names it).
 */
export function translateLesson<Q, T extends LessonFields & { quiz?: Q[] | undefined }>(
  english: T,
  translation: TranslationFields<Q>,
): T {
  const exercise = english.exercise && {
    ...english.exercise,
    hints: Object.fromEntries(
      Object.entries(english.exercise.hints).map(([task, hint]) => [
        task,
        Object.hasOwn(translation.hints, task) ? translation.hints[task]! : hint,
      ]),
    ),
  };
  return {
    ...english,
    title: translation.title,
    summary: translation.summary,
    objectives: translation.objectives,
    exercise,
    quiz: english.quiz && (translation.quiz ?? english.quiz),
  };
}

/**
 * The progress keys of a lesson's quiz questions, from the English text: a
 * learner's answers are the same whichever language they answered in.
 */
export function quizKeys(english: LessonFields): string[] {
  return (english.quiz ?? []).map((q, i) => quizKey(i, q.question));
}

/** What the exercise needs to show test names and failure messages in the translation's language. */
export function testTextOf(
  translation: Pick<TranslationFields<unknown>, "tests" | "messages" | "values">,
): TestTranslation {
  return { names: translation.tests, messages: translation.messages, values: translation.values ?? {} };
}
