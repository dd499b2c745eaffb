// The Go-to-TypeScript reference's chrome (src/components/pages/ReferencePage.astro,
// src/components/reference/ReferenceEntry.astro). The entries' doc comments
// come from sandbox/go and stay English. `backticks` mark code (inlineCode).

import { defineMessages } from "./define";

export default defineMessages(
  {
    title: "Go to TypeScript reference",
    description: "Each Go construct and package function the course mirrors, and how you write it here.",
    lede: 'You read Go and write TypeScript against libraries shaped like Go\'s packages (`go`, `go/sync`, `go/time`, `go/net/http`, …). Each of the {total} entries below puts the Go on the left and what you write here on the right; the TypeScript side and its documentation are read from the libraries themselves, and "Used in" lists the lessons whose code uses it.',
    differences: "What is deliberately different",
    awaitedLead: "Every blocking operation is awaited.",
    awaited:
      "Goroutines are async functions: `await ch.send(v)`, `await wg.wait()`, `await time.sleep(d)`, `await mu.lock()`. A goroutine gives way to others only at an awaited runtime operation, so code between two `await`s runs without interruption.",
    bubbleLead: "Everything runs inside a bubble.",
    bubble:
      "`synctest.run(async () => …)` (Go's `synctest.Test`) holds the goroutines and a virtual clock that starts at 2000-01-01 UTC and jumps when every goroutine is blocked. Outside a bubble, `go()`, blocking operations and timers throw. Every exercise test runs its body in one, and fails it on a deadlock, a goroutine leaked past the end, or a panic.",
    forgottenLead: "A forgotten `await` is an error, not a race.",
    forgotten:
      "A goroutine that starts a blocking operation and moves on while it is pending panics, naming the operation and the line:",
    translations:
      "Go's multiple results become tuples (`const [v, ok] = await ch.recvOk()`); `nil` is `null` or `undefined`; errors are thrown or returned as `Error` values; durations are integer nanoseconds (`150 * time.Millisecond`); `defer` is `try … finally`.",
    packages: "Packages",
    // Section titles that are more than a package path (src/lib/reference/model.ts).
    groupLanguage: "Language: goroutines, channels, select, defer, panic",
    groupErrors: "errors (and fmt.Errorf)",
    groupNetHttp: "net/http (and net/url)",
    groupJwt: "jwt (the course's package, after github.com/golang-jwt/jwt)",
    noGo: "No Go counterpart",
    unused: "Not used in a lesson yet.",
    usedIn: "Used in:",
  },
  {
    title: "Go 到 TypeScript 对照参考",
    description: "课程对应的每个 Go 语法和包函数，以及在这里怎么写。",
    lede: "你读 Go，针对按 Go 包的样子设计的库（`go`、`go/sync`、`go/time`、`go/net/http` 等）写 TypeScript。下面 {total} 个条目，左边是 Go，右边是你在这里的写法；TypeScript 一侧及其文档直接读自这些库本身，“用于”列出代码中用到它的课程。",
    differences: "刻意不同的地方",
    awaitedLead: "每个阻塞操作都要 await。",
    awaited:
      "goroutine 是 async 函数：`await ch.send(v)`、`await wg.wait()`、`await time.sleep(d)`、`await mu.lock()`。goroutine 只在 await 一个运行时操作时才让出执行权，所以两个 `await` 之间的代码不会被打断。",
    bubbleLead: "一切都在 bubble 中运行。",
    bubble:
      "`synctest.run(async () => …)`（即 Go 的 `synctest.Test`）持有其中的 goroutine 和一个虚拟时钟：时钟从 2000-01-01 UTC 开始，在所有 goroutine 都阻塞时向前跳。在 bubble 之外调用 `go()`、阻塞操作和定时器会抛出异常。每个练习测试都在 bubble 中运行测试体，遇到死锁、结束后仍泄漏的 goroutine 或 panic 时判为失败。",
    forgottenLead: "忘记 `await` 是错误，而不是竞态。",
    forgotten: "goroutine 发起一个阻塞操作却没等它完成就继续往下走，会 panic，并指出是哪个操作、哪一行：",
    translations:
      "Go 的多返回值变成元组（`const [v, ok] = await ch.recvOk()`）；`nil` 对应 `null` 或 `undefined`；错误被抛出，或作为 `Error` 值返回；时长是整数纳秒（`150 * time.Millisecond`）；`defer` 写成 `try … finally`。",
    packages: "包",
    groupLanguage: "语言：goroutine、channel、select、defer、panic",
    groupErrors: "errors（以及 fmt.Errorf）",
    groupNetHttp: "net/http（以及 net/url）",
    groupJwt: "jwt（本课程的包，仿照 github.com/golang-jwt/jwt）",
    noGo: "没有对应的 Go 写法",
    unused: "还没有课程用到。",
    usedIn: "用于：",
  },
);
