import { describe, expect, it } from "vitest";
import { currentAnswers, quizKey, scoreQuiz, scoreText, type GradedQuestion } from "./quiz";

const questions: GradedQuestion[] = [
  { key: quizKey(0, "What does it print?"), correct: 1, choices: 3 },
  { key: quizKey(1, "Who closes the channel?"), correct: 0, choices: 2 },
];

describe("quiz grading", () => {
  it("keys a question by its position and text", () => {
    expect(quizKey(0, "A?")).toMatch(/^0:[0-9a-f]{8}$/);
    expect(quizKey(0, "A?"), "the same question keeps its key").toBe(quizKey(0, "A?"));
    expect(quizKey(0, "B?"), "a reworded question gets a new key").not.toBe(quizKey(0, "A?"));
    expect(quizKey(1, "A?"), "a moved question gets a new key").not.toBe(quizKey(0, "A?"));
  });

  it("scores only correct answers to this quiz's questions", () => {
    const [a, b] = questions.map((q) => q.key) as [string, string];
    expect(scoreQuiz(questions, {})).toBe(0);
    expect(scoreQuiz(questions, { [a]: 1 })).toBe(1);
    expect(scoreQuiz(questions, { [a]: 1, [b]: 1 })).toBe(1);
    expect(scoreQuiz(questions, { [a]: 1, [b]: 0 })).toBe(2);
    expect(scoreQuiz(questions, { "0:stale": 1, [b]: 0 }), "a stale key does not count").toBe(1);
  });

  it("drops stored answers to rewritten questions or out-of-range choices", () => {
    const [a, b] = questions.map((q) => q.key) as [string, string];
    expect(currentAnswers(questions, { [a]: 2, [b]: 2, "0:old": 1 })).toEqual({ [a]: 2 });
  });

  it("says the score in words", () => {
    expect(scoreText(3, 4)).toBe("3 of 4 correct.");
    expect(scoreText(3, 4, "zh-cn")).toBe("4 题答对 3 题。");
  });
});
