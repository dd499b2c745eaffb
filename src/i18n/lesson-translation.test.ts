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
---
关于 channel 的一些文字。

\`\`\`go
ch := make(chan int) // 无缓冲
\`\`\`

<Quiz questions={frontmatter.quiz} />
`;

const strings = { names: ["Task 1: in order", "delivers pages"], messages: ["got ${n} pages"] };
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
  ];
  for (const [what, translation, problem] of cases) {
    it(`rejects ${what}`, () => {
      expect(check(translation).join("\n"), "problems").toMatch(problem);
    });
  }
});

describe("codeShape", () => {
  it("drops comments but not // inside strings", () => {
    expect(codeShape('url := "http://x" // the site\n\n/* note */ y := 1'), "shape").toBe('url := "http://x"\n y := 1');
  });
});
