// The home page (src/components/pages/HomePage.astro) and the course facts
// it states (src/lib/course-facts.ts). `backticks` mark code (inlineCode).

import { defineMessages } from "./define";

export default defineMessages(
  {
    title: "Course overview",
    description: "Read Go, practise its concurrency model and API engineering in TypeScript, graded in the browser.",
    heading: "Go concurrency & API engineering",
    about: "About this course",
    lede: "You read Go and write TypeScript. Each lesson explains a piece of Go (goroutines, channels, `select`, `sync`, `context`, then HTTP APIs the way `net/http` builds them) and you practise it in TypeScript against libraries shaped like Go's packages (`go`, `go/sync`, `go/net/http`, …): the same concurrency model, with every blocking call awaited. Tests grade each exercise in your browser and fail on deadlocks, leaked goroutines and races, not only on wrong results.",
    facts:
      "{lessons} lessons in {modules} modules, about {duration} in all. Your code and progress stay on this device, and the course works offline.",
    minutesLong: "{n} minutes",
    hoursLong: "{n} hours",
    startBefore: "Start with",
    startAfter: ".",
    lookupBefore: "Look up any Go construct in the",
    referenceName: "Go to TypeScript reference",
    lookupAfter: ".",
    minutes: "{n} min",
  },
  {
    title: "课程总览",
    description: "读懂 Go，用 TypeScript 练习 Go 的并发模型和 API 工程，在浏览器中评分。",
    heading: "Go 并发与 API 工程",
    about: "关于本课程",
    lede: "你读 Go，写 TypeScript。每一课讲解 Go 的一个知识点（goroutine、channel、`select`、`sync`、`context`，再到 `net/http` 风格的 HTTP API），你用 TypeScript 针对按 Go 包的样子设计的库（`go`、`go/sync`、`go/net/http` 等）来练习：并发模型相同，只是每个阻塞调用都要 await。测试在你的浏览器里给每个练习评分，不仅检查结果是否正确，还会在死锁、goroutine 泄漏和竞态时判为失败。",
    facts:
      "共 {modules} 个模块、{lessons} 课，总计约 {duration}。你的代码和进度只保存在这台设备上，课程也可以离线使用。",
    minutesLong: "{n} 分钟",
    hoursLong: "{n} 小时",
    startBefore: "从",
    startAfter: "开始。",
    lookupBefore: "任何 Go 写法都可以在",
    referenceName: "Go 到 TypeScript 对照参考",
    lookupAfter: "中查到。",
    minutes: "{n} 分钟",
  },
);
