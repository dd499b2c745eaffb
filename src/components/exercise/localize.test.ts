import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { platformText } from "../../../sandbox/platform-text";
import resultsTable from "../../i18n/messages/results";
import { localeOf, rich } from "./language";
import { diagnosticText, failureText, knownText, platformMessage, testText } from "./localize";

describe("testText", () => {
  const text = testText({
    names: JSON.parse(
      '{"Task 1: adds": "任务 1：加法", "a > b": "整条路径", "b": "乙", "__proto__": "原型"}',
    ) as Record<string, string>,
    messages: { "got ${n}": "得到 ${n}" },
  });

  it("translates names and paths, a whole path first, then part by part", () => {
    const cases: [string, string][] = [
      ["Task 1: adds", "任务 1：加法"],
      ["a > b", "整条路径"],
      ["Task 1: adds > b", "任务 1：加法 > 乙"],
      ["Task 1: adds > unknown", "任务 1：加法 > unknown"],
      ["__proto__", "原型"],
    ];
    for (const [english, chinese] of cases) expect(text.path(english), english).toBe(chinese);
  });

  it("never finds a name through the prototype", () => {
    const plain = testText({ names: { x: "叉" }, messages: {} });
    for (const name of ["constructor", "toString", "__proto__", "hasOwnProperty"])
      expect(plain.name(name), name).toBe(name);
  });

  it("translates captured labels and synctest.explore's frame line", () => {
    const zh = testText(
      { names: {}, messages: { "${what}: got ${n}": "${what}：得到 ${n}" }, values: { "an empty cart": "空购物车" } },
      resultsTable["zh-cn"].exploreFrame,
    );
    expect(zh.message("an empty cart: got 3"), "a label through values").toBe("空购物车：得到 3");
    expect(
      zh.message(
        "explore: failed with seed 7 (run 3 of 30); replay it with synctest.run(fn, { seed: 7 })\n\nan empty cart: got 3",
      ),
      "the frame in Chinese, the message below it",
    ).toBe("explore：种子 7 失败（第 3 次，共 30 次）；用 synctest.run(fn, { seed: 7 }) 重现它\n\n空购物车：得到 3");
  });

  it("is the identity without a translation", () => {
    const english = testText(undefined);
    expect(english.path("Task 1: adds > b")).toBe("Task 1: adds > b");
    expect(english.message("got 3")).toBe("got 3");
  });
});

describe("knownText", () => {
  const cases: [string, string][] = [
    [
      'Test timed out in 250ms.\nIf this is a long-running test, pass a timeout value as the last argument or configure it globally with "testTimeout".',
      "测试在 250ms 后超时。\n如果这个测试本来就要运行很久，请把超时时间作为最后一个参数传入，或者在全局配置 “testTimeout”。",
    ],
    [
      'Hook timed out in 10ms.\nIf this is a long-running hook, pass a timeout value as the last argument or configure it globally with "hookTimeout".',
      "钩子函数在 10ms 后超时。\n如果这个钩子本来就要运行很久，请把超时时间作为最后一个参数传入，或者在全局配置 “hookTimeout”。",
    ],
    ['Cannot find file "./util" (files: main.ts, a.ts)', "找不到文件 “./util”（现有文件：main.ts, a.ts）"],
    ['Cannot import "fs": only these modules are available: go', "不能导入 “fs”：只有这些模块可用：go"],
    ["Test timed out in 250ms.", "Test timed out in 250ms."],
    ["Expected ';' but found 'x'", "Expected ';' but found 'x'"],
  ];
  for (const [english, chinese] of cases) {
    it(`zh-cn: ${english.split("\n")[0]}`, () => {
      expect(knownText(english, "zh-cn")).toBe(chinese);
      expect(knownText(english, "en"), "English unchanged").toBe(english);
    });
  }
});

describe("failureText", () => {
  const text = testText({ names: {}, messages: { "got ${n}": "得到 ${n}" } });
  it("prefers the platform's code, then the fixed sentences, then the lesson's messages", () => {
    expect(failureText(platformText("lessonTestNotPassed"), "zh-cn", text, true)).toBe("这个课程测试没有通过。");
    expect(failureText({ message: "got 3: expected 3 to be 4" }, "zh-cn", text, true)).toBe(
      "得到 3: expected 3 to be 4",
    );
    expect(failureText({ message: "got 3" }, "zh-cn", text, false), "a learner's test").toBe("got 3");
    expect(failureText(platformText("lessonTestNotPassed"), "en", text, true)).toBe("This lesson test did not pass.");
  });
});

describe("localeOf and rich", () => {
  it("takes a known locale only", () => {
    expect(localeOf({ locale: "zh-cn" })).toBe("zh-cn");
    for (const locale of [undefined, "fr", "__proto__", 7]) expect(localeOf({ locale }), String(locale)).toBe("en");
  });

  it("fills {names} with elements and leaves unknown ones as text", () => {
    const html = renderToString(
      createElement("p", null, rich("{key} 运行；{other} 不变", { key: createElement("kbd", null, "Ctrl") })),
    );
    expect(html.replace(/<!-- -->/g, "")).toBe("<p><kbd>Ctrl</kbd> 运行；{other} 不变</p>");
  });
});

describe("diagnosticText (the results and the editor's markers)", () => {
  const at = { file: "main.ts", line: 1, column: 1, lineText: "" };
  it("translates esbuild's sentence on a Chinese page and keeps it on an English one", () => {
    const d = { ...at, message: 'The symbol "a" has already been declared' };
    expect(diagnosticText(d, "zh-cn")).toBe('符号 "a" 已经声明过了');
    expect(diagnosticText(d, "en")).toBe(d.message);
  });
  it("translates the platform's own import sentence before esbuild's shapes", () => {
    const d = { ...at, message: 'Cannot import "fs": only these modules are available: go' };
    expect(diagnosticText(d, "zh-cn")).toBe("不能导入 “fs”：只有这些模块可用：go");
  });
});

describe("platformMessage", () => {
  it("translates the platform's note after a value it cut short, keeping the value and the count", () => {
    const text = platformText("unhandledThrownKind", { kind: "object", value: "{ a: 'xx… (3000 more characters)" });
    expect(platformMessage(text.platform, "zh-cn")).toBe("未处理的错误：抛出了 object：{ a: 'xx…（还有 3000 个字符）");
    expect(platformMessage(text.platform, "en")).toBe(text.message);
  });
  it("leaves the same words inside a value alone", () => {
    const text = platformText("thrownValue", { value: "'… (3 more characters)' and more" });
    expect(platformMessage(text.platform, "zh-cn")).toBe("抛出了 '… (3 more characters)' and more");
  });
});
