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
  it("translates a captured value only by exact match", () => {
    const v = messageTranslator({ "${what}: the JSON body": "${what}：JSON 正文" }, { "POST of 5 KB": "5 KB 的 POST" });
    expect(v("POST of 5 KB: the JSON body: expected 1 to be 2"), "translated value").toBe(
      "5 KB 的 POST：JSON 正文: expected 1 to be 2",
    );
    expect(v("POST of 6 KB: the JSON body"), "another value").toBe("POST of 6 KB：JSON 正文");
    expect(v("toString: the JSON body"), "no prototype lookup").toBe("toString：JSON 正文");
  });
  it("matches below synctest.explore's frame line, which it keeps or translates", () => {
    const frame = "explore: failed with seed 3 (run 2 of 30); replay it with synctest.run(fn, { seed: 3 })";
    expect(t(`${frame}\n\n12 tasks ran at once; the limit is 3: expected 12 to be 3`), "frame kept").toBe(
      `${frame}\n\n同时运行了 12 个任务；上限是 3: expected 12 to be 3`,
    );
    const zh = messageTranslator(
      { "the limit is 3": "上限是 3" },
      {},
      "explore：种子 {seed} 失败（第 {run}/{runs} 次）",
    );
    expect(zh(`${frame}\n\nthe limit is 3`), "frame translated").toBe("explore：种子 3 失败（第 2/30 次）\n\n上限是 3");
    expect(zh(`${frame}\n\nsomething else`), "unknown inside the frame").toBe(`${frame}\n\nsomething else`);
  });
});
