import { describe, expect, it } from "vitest";
import { quizKey } from "../lib/quiz";
import { quizKeys, testTextOf, translateLesson } from "./translate-lesson";

const question = (text: string) => ({ question: text, choices: [] as string[] });
const english = {
  title: "A task runner",
  summary: "Run tasks.",
  objectives: ["Limit", "Order"],
  minutes: 15,
  order: 1,
  exercise: {
    files: ["limit.ts"],
    timeoutMs: 5000,
    hints: { "Task 1: order": "Keep an index.", "Task 2: limit": "Use workers." },
  },
  quiz: [question("What does this print?"), question("How many run at once?")],
};
const translation = {
  title: "任务执行器",
  summary: "运行任务。",
  objectives: ["上限", "顺序"],
  hints: { "Task 1: order": "记下下标。" },
  quiz: [question("这个程序打印什么？"), question("同时运行几个？")],
  tests: { "Task 1: order": "任务 1：顺序" },
  messages: { "${n} tasks ran at once": "同时运行了 ${n} 个任务" },
};

describe("translateLesson", () => {
  const zh = translateLesson(english, translation);

  it("takes the prose and the quiz from the translation", () => {
    expect(zh).toMatchObject({ title: "任务执行器", summary: "运行任务。", objectives: ["上限", "顺序"] });
    expect(zh.quiz).toBe(translation.quiz);
  });

  it("keeps minutes, order and the exercise from English, hints under their English task names", () => {
    expect(zh).toMatchObject({ minutes: 15, order: 1 });
    expect(zh.exercise).toEqual({
      files: ["limit.ts"],
      timeoutMs: 5000,
      hints: { "Task 1: order": "记下下标。", "Task 2: limit": "Use workers." },
    });
  });

  it("leaves a lesson without exercise or quiz without them", () => {
    const reading = {
      title: "R",
      summary: "S",
      objectives: ["O"],
      minutes: 5,
      order: 2,
      exercise: undefined,
      quiz: undefined,
    };
    const out = translateLesson(reading, { ...translation, quiz: undefined });
    expect(out.exercise).toBeUndefined();
    expect(out.quiz).toBeUndefined();
  });
});

describe("quizKeys", () => {
  it("keys each question by its English text, so answers carry across languages", () => {
    expect(quizKeys(english)).toEqual([quizKey(0, "What does this print?"), quizKey(1, "How many run at once?")]);
    expect(quizKeys(english)[0]).not.toBe(quizKey(0, translation.quiz[0]!.question));
    expect(quizKeys({ ...english, quiz: undefined })).toEqual([]);
  });
});

describe("testTextOf", () => {
  it("hands the exercise the translated test names, message templates and captured values", () => {
    expect(testTextOf(translation), "no values table: an empty one").toEqual({
      names: translation.tests,
      messages: translation.messages,
      values: {},
    });
    const values = { "an empty cart": "空购物车" };
    expect(testTextOf({ ...translation, values }).values, "the values table").toEqual(values);
  });
});
