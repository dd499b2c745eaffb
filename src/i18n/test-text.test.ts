import { describe, expect, it } from "vitest";
import { messageTranslator, templateParts } from "./test-text";

describe("templateParts", () => {
  it("splits a template at its placeholders, braces inside kept", () => {
    expect(templateParts("got ${f({ a: 1 })} of ${n}"), "parts").toEqual({
      literals: ["got ", " of ", ""],
      holes: ["${f({ a: 1 })}", "${n}"],
    });
  });
});

describe("messageTranslator", () => {
  const t = messageTranslator({
    "${n} tasks ran at once; the limit is ${limit}": "同时运行了 ${n} 个任务；上限是 ${limit}",
    "runAll rejected: ${errorText(out.error)}": "runAll 被拒绝：${errorText(out.error)}",
    "the limit is 3": "上限是 3",
    "pages at ${a}; want ${b}": "应为 ${b}，实际为 ${a}",
  });
  it("fills the translation with the values the message had", () => {
    expect(t("12 tasks ran at once; the limit is 3"), "values moved into Chinese").toBe(
      "同时运行了 12 个任务；上限是 3",
    );
  });
  it("keeps the assertion's own text after the message", () => {
    expect(t("12 tasks ran at once; the limit is 3: expected 12 to be 3"), "suffix kept").toBe(
      "同时运行了 12 个任务；上限是 3: expected 12 to be 3",
    );
    expect(t("the limit is 3: expected 4 to be 3"), "literal message").toBe("上限是 3: expected 4 to be 3");
  });
  it("reorders placeholders as the translation says", () => {
    expect(t("pages at [1, 2]; want [0, 1]"), "reordered").toBe("应为 [0, 1]，实际为 [1, 2]");
  });
  it("prefers the longest template and leaves unknown messages alone", () => {
    expect(t("runAll rejected: boom"), "placeholder at the end").toBe("runAll 被拒绝：boom");
    expect(t("something else: expected 1 to be 2"), "unknown").toBe("something else: expected 1 to be 2");
  });
});
