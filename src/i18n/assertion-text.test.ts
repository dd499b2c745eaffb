// vitest's assertion sentences in Chinese, values kept as printed. The
// English sentences are produced by the real @vitest/expect (the one the
// sandbox runs), so a sentence whose shape vitest changes fails here.

import { describe, expect, it } from "vitest";
import { assertionSentence, assertionSuffix, assertionText } from "./assertion-text";

/** The message of the assertion `fn` makes fail. */
function said(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("the assertion passed");
}

async function saidAsync(fn: () => Promise<unknown>): Promise<string> {
  try {
    await fn();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("the assertion passed");
}

// [what, the failing assertion, its Chinese]
const CASES: [string, () => unknown, string][] = [
  ["toBe", () => expect(12).toBe(3), "期望 12 为 3 // Object.is 相等"],
  ["toBe strings", () => expect("a to be b").toBe("c"), "期望 'a to be b' 为 'c' // Object.is 相等"],
  ["not.toBe", () => expect(3).not.toBe(3), "期望 3 不为 3 // Object.is 相等"],
  ["toEqual", () => expect([1, 2]).toEqual([1]), "期望 [ 1, 2 ] 深度等于 [ 1 ]"],
  ["not.toEqual", () => expect([1]).not.toEqual([1]), "期望 [ 1 ] 不深度等于 [ 1 ]"],
  ["toStrictEqual", () => expect({ a: 1 }).toStrictEqual({ a: 2 }), "期望 { a: 1 } 严格等于 { a: 2 }"],
  ["toBe true", () => expect(true).toBe(false), "期望 true 为 false // Object.is 相等"],
  ["toBeTruthy", () => expect(null).toBeTruthy(), "期望 null 为真值"],
  ["toBeFalsy", () => expect(1).toBeFalsy(), "期望 1 为假值"],
  ["toBeNull", () => expect(1).toBeNull(), "期望 1 为 null"],
  ["not.toBeNull", () => expect(null).not.toBeNull(), "期望 null 不为 null"],
  ["toBeUndefined", () => expect(1).toBeUndefined(), "期望 1 为 undefined"],
  ["toBeDefined", () => expect(undefined).toBeDefined(), "期望 undefined 已定义（不为 undefined）"],
  ["toBeGreaterThan", () => expect(1).toBeGreaterThan(2), "期望 1 大于 2"],
  ["toBeGreaterThanOrEqual", () => expect(1).toBeGreaterThanOrEqual(2), "期望 1 大于或等于 2"],
  ["toBeLessThan", () => expect(3).toBeLessThan(2), "期望 3 小于 2"],
  ["toBeLessThanOrEqual", () => expect(3).toBeLessThanOrEqual(2), "期望 3 小于或等于 2"],
  ["toMatch", () => expect("req-x").toMatch(/^req-\d+$/), "期望 'req-x' 匹配 /^req-\\d+$/"],
  ["not.toMatch", () => expect("deadlock").not.toMatch(/dead/), "期望 'deadlock' 不匹配 /dead/"],
  ["toContain", () => expect([1, 2]).toContain(3), "期望 [ 1, 2 ] 包含 3"],
  ["toContain string", () => expect("abc").toContain("z"), "期望 'abc' 包含 'z'"],
  ["toHaveLength", () => expect([1, 2]).toHaveLength(3), "期望 [ 1, 2 ] 的长度为 3，实际为 2"],
  ["toHaveProperty", () => expect({ a: 1 }).toHaveProperty("b"), '期望 { a: 1 } 有属性 "b"'],
  ["toHaveProperty value", () => expect({ a: 1 }).toHaveProperty("a", 2), '期望 { a: 1 } 有属性 "a"，值为 2'],
  ["toMatchObject", () => expect({ a: 1 }).toMatchObject({ a: 2 }), "期望 { a: 1 } 匹配对象 { a: 2 }"],
  ["toBeInstanceOf", () => expect({}).toBeInstanceOf(Error), "期望 {} 是 Error 的实例"],
  ["toThrow", () => expect(() => {}).toThrow(), "期望 [Function] 抛出错误"],
  [
    "toThrow a message",
    () =>
      expect(() => {
        throw new Error("boom");
      }).toThrow("bang"),
    "期望 [Function] 抛出包含 'bang' 的错误，实际为 'boom'",
  ],
  [
    "toThrow a class",
    () =>
      expect(() => {
        throw new TypeError("x");
      }).toThrow(RangeError),
    "期望错误是 RangeError 的实例",
  ],
  ["toBeTypeOf", () => expect(1).toBeTypeOf("string"), "期望 1 的类型为 'string'"],
  ["toBeNaN", () => expect(1).toBeNaN(), "期望 1 为 NaN"],
];

describe("assertionSentence", () => {
  for (const [what, fn, zh] of CASES)
    it(`says ${what} in Chinese`, () => {
      const en = said(fn);
      expect(assertionSentence(en, "zh-cn"), en).toBe(zh);
      expect(assertionSentence(en, "en"), "English is itself").toBe(en);
    });

  it("says toBe's deep-equality advice in Chinese", () => {
    const en = said(() => expect({ a: 1 }).toBe({ a: 1 }));
    const zh = assertionSentence(en, "zh-cn")!;
    expect(zh).toContain('如果按深度相等就应当通过，请把 "toBe" 换成 "toStrictEqual"');
    expect(zh).not.toMatch(/[A-Za-z]{3,} [a-z]{3,}/);
  });

  it("says resolves and rejects in Chinese", async () => {
    const rejected = await saidAsync(() => expect(Promise.reject(new Error("no"))).resolves.toBe(1));
    expect(assertionSentence(rejected, "zh-cn")).toMatch(/^promise 被拒绝了（".*"），而不是成功完成$/);
    const resolved = await saidAsync(() => expect(Promise.resolve(1)).rejects.toThrow());
    expect(assertionSentence(resolved, "zh-cn")).toBe('promise 成功完成了（"1"），而不是被拒绝');
  });

  it("leaves an unknown sentence alone", () => {
    expect(assertionSentence("expected the moon", "zh-cn")).toBeUndefined();
    expect(assertionText("disk full", "zh-cn")).toBe("disk full");
  });
});

describe("assertionSuffix and assertionText", () => {
  it("translate the sentence after a message, the message kept", () => {
    expect(assertionSuffix(": expected 12 to be 3 // Object.is equality", "zh-cn")).toBe(
      "：期望 12 为 3 // Object.is 相等",
    );
    expect(assertionSuffix(": expected 12 to be 3 // Object.is equality", "en")).toBe(
      ": expected 12 to be 3 // Object.is equality",
    );
    expect(assertionSuffix(": expected the moon", "zh-cn"), "unknown").toBe(": expected the moon");
    expect(assertionText("my check: sum: expected 1 to be 2 // Object.is equality", "zh-cn")).toBe(
      "my check: sum：期望 1 为 2 // Object.is 相等",
    );
    expect(assertionText("expected [ 1, 2 ] to deeply equal [ 1 ]", "zh-cn")).toBe("期望 [ 1, 2 ] 深度等于 [ 1 ]");
  });
});
