import { describe, expect, it } from "vitest";
import { checkLessonTranslation, codeShape } from "./lesson-translation";

const english = `---
title: Hand-offs and buffered queues
summary: An unbuffered channel is a meeting point.
objectives:
  - Explain when an unbuffered send returns
  - Bound how far a producer runs ahead
minutes: 25
order: 1
exercise:
  files: [queue.ts]
  hints:
    "Task 1: in order": "Fetch and send from one goroutine."
quiz:
  - question: What does this program do?
    code: |
      package main

      func main() {
      	// block forever
      	select {}
      }
    crashes: deadlock
    choices:
      - text: It deadlocks right away
        correct: true
        why: Nothing can ever wake it up.
      - text: It blocks forever quietly
        why: The runtime notices every goroutine is asleep.
---
Some text about channels.

\`\`\`go
ch := make(chan int) // unbuffered
\`\`\`

<Quiz questions={frontmatter.quiz} />
`;

const good = `---
title: 交接与带缓冲的队列
summary: 无缓冲 channel 是一个会合点。
objectives:
  - 解释无缓冲发送何时返回
  - 限制生产者能领先多远
hints:
  "Task 1: in order": "在一个 goroutine 里获取并发送。"
quiz:
  - question: 这个程序会怎样？
    code: |
      package main

      func main() {
      	// 永远阻塞
      	select {}
      }
    crashes: deadlock
    choices:
      - text: 立即死锁
        correct: true
        why: 没有任何东西能唤醒它。
      - text: 安静地永远阻塞
        why: 运行时发现所有 goroutine 都在休眠。
tests:
  "Task 1: in order": "任务 1：按顺序"
  "delivers pages": "按顺序交付页面"
messages:
  "got \${n} pages": "收到 \${n} 页"
values:
  "a slow page": "一个慢页面"
---
关于 channel 的一些文字。

\`\`\`go
ch := make(chan int) // 无缓冲
\`\`\`

<Quiz questions={frontmatter.quiz} />
`;

const strings = {
  names: ["Task 1: in order", "delivers pages"],
  messages: ["got ${n} pages"],
  literals: ["a slow page", "pages"],
};
const check = (translation: string) =>
  checkLessonTranslation({ file: "x/index.zh-cn.mdx", english, translation, strings });

describe("checkLessonTranslation", () => {
  it("accepts a complete translation whose comments are translated", () => {
    expect(check(good), "problems").toEqual([]);
  });
  const cases: [string, string, RegExp][] = [
    [
      "a missing test name",
      good.replace(`  "delivers pages": "按顺序交付页面"\n`, ""),
      /tests: no translation of "delivers pages"/,
    ],
    ["a stale message", good.replace("messages:\n", 'messages:\n  "old": "旧"\n'), /"old" is not in the English tests/],
    ["an unknown placeholder", good.replace("收到 ${n} 页", "收到 ${count} 页"), /uses \$\{count\}/],
    ["a title left in English", good.replace("交接与带缓冲的队列", "Hand-offs and queues"), /title: still English/],
    [
      "a missing objective",
      good.replace("  - 限制生产者能领先多远\n", ""),
      /objectives: 1 objective\(s\); English has 2/,
    ],
    ["a changed quiz program", good.replace("select {}", "for {}"), /quiz\[0\]\.code/],
    [
      "a moved correct choice",
      good
        .replace("        correct: true\n", "")
        .replace("        why: 运行时", "        correct: true\n        why: 运行时"),
      /choices\[0\]\.correct/,
    ],
    ["a changed code block", good.replace("make(chan int) // 无缓冲", "make(chan int, 1)"), /code block 1 \(go\)/],
    ["no quiz in the text", good.replace("<Quiz questions={frontmatter.quiz} />", ""), /does not show the quiz/],
    [
      "a field that belongs to English",
      good.replace("hints:", "minutes: 3\nhints:"),
      /minutes: not a translated field/,
    ],
    ["a hint left out", good.replace(/hints:\n.*\n/, ""), /no translation of the hint for "Task 1: in order"/],
    [
      "a stale value",
      good.replace('"a slow page": "一个慢页面"', '"a fast page": "一个快页面"'),
      /values: "a fast page" is not a string in the English tests/,
    ],
    [
      "a value left in English",
      good.replace('"a slow page": "一个慢页面"', '"a slow page": "a slow page"'),
      /values\["a slow page"\]: missing or not Chinese/,
    ],
  ];
  for (const [what, translation, problem] of cases) {
    it(`rejects ${what}`, () => {
      expect(check(translation).join("\n"), "problems").toMatch(problem);
    });
  }
});

describe("text a translation keeps as the client or Go prints it", () => {
  // The first quiz choice reads `en` in English and `zh` in the translation.
  const choice = (en: string, zh: string) =>
    checkLessonTranslation({
      file: "x/index.zh-cn.mdx",
      english: english.replace("It deadlocks right away", JSON.stringify(en)),
      translation: good.replace("立即死锁", JSON.stringify(zh)),
      strings,
    });
  const kept = [
    "404 Not Found",
    "204 No Content",
    "405 Method Not Allowed",
    "422 Unprocessable Content",
    "431 Request Header Fields Too Large",
    "503 Service Unavailable",
    "fatal error: all goroutines are asleep - deadlock!",
    "fatal error: concurrent map writes",
    "panic: send on closed channel",
    "panic: runtime error: index out of range [5] with length 3",
    "panic: sync: negative WaitGroup counter",
  ];
  for (const text of kept)
    it(`accepts ${JSON.stringify(text)} kept as it is`, () => {
      expect(choice(text, text), "problems").toEqual([]);
    });

  it("still accepts the glosses translators wrote", () => {
    expect(choice("404 Not Found", "404 Not Found（未找到）"), "status line glossed").toEqual([]);
    const deadlock = "fatal error: all goroutines are asleep - deadlock!";
    expect(choice(`Deadlock: ${deadlock}`, `死锁：${deadlock}`), "Go message glossed").toEqual([]);
  });

  const rejected: [string, string, string][] = [
    ["a status line with more English after it", "404 Not Found, and the handler never runs", ""],
    ["a status line in lower case prose", "404 not found because no route matches", ""],
    ["a status code in a sentence", "It answers 404 Not Found", ""],
    ["another status line than English's", "404 Not Found", "405 Method Not Allowed"],
    ["English that names a Go message", "It panics: send on closed channel", ""],
    ["a Go message after English words", "Deadlock: fatal error: all goroutines are asleep - deadlock!", ""],
    ["a Go message with an English line under it", "panic: boom\nand then the program exits", ""],
    ["a Go message in the wrong case", "Fatal error: all goroutines are asleep - deadlock!", ""],
  ];
  for (const [what, en, zh] of rejected)
    it(`rejects ${what} left in English`, () => {
      expect(choice(en, zh || en).join("\n"), "problems").toMatch(/quiz\[0\]\.choices\[0\]\.text: still English/);
    });

  it("applies to test names and messages too", () => {
    const table = (key: string, value: string) =>
      checkLessonTranslation({
        file: "x/index.zh-cn.mdx",
        english,
        translation: good.replace(
          '  "got ${n} pages": "收到 ${n} 页"',
          `  ${JSON.stringify(key)}: ${JSON.stringify(value)}`,
        ),
        strings: { ...strings, messages: [key] },
      });
    const nilMap = "panic: assignment to entry in nil map";
    expect(table(nilMap, nilMap), "a Go message kept").toEqual([]);
    expect(table("500 Internal Server Error", "500 Internal Server Error"), "a status line kept").toEqual([]);
    expect(table("the handler answered 404 Not Found", "the handler answered 404 Not Found"), "prose").toEqual([
      'x/index.zh-cn.mdx: messages["the handler answered 404 Not Found"]: still English',
    ]);
  });
});

describe("codeShape", () => {
  it("drops comments but not // inside strings", () => {
    expect(codeShape('url := "http://x" // the site\n\n/* note */ y := 1'), "shape").toBe('url := "http://x"\n y := 1');
  });
});
