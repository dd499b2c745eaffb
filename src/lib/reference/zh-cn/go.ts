// Simplified Chinese doc comments of the "go" module's exports (language builtins and runtime).

import type { Translations } from "./translation";

export const GO_DOCS: Record<string, Translations> = {
  go: {
    go: [
      "196a9030",
      "go 在一个新的 goroutine 中启动 fn（Go：go fn()）。新 goroutine 立即处于可运行状态，调用者继续往下执行。name 用于在 trace 和死锁 dump 中标记它。fn 中的 panic 或未捕获的异常会让整个 bubble 崩溃，与 Go 一样。只能在 synctest.run 内部使用。",
    ],
    panic: [
      "b0499a53",
      'panic 以一个 Go panic 终止调用它的 goroutine（Go：panic(v)）。若未被捕获，它会结束整个 bubble：synctest.run 以 "panic: <v>" 和该 goroutine 的位置 reject。',
    ],
    gosched: [
      "e3f34cb5",
      "gosched 让出处理器（Go：runtime.Gosched()）：调度器可能先运行其他可运行的 goroutine，然后调用者才继续。",
    ],
    numGoroutine: [
      "83bba2c0",
      "numGoroutine 返回当前 bubble 中存在的 goroutine 数量，包括 main（Go：runtime.NumGoroutine()）。在 bubble 之外返回 0。",
    ],
    gc: [
      "9c60c4be",
      "gc 执行一次垃圾回收（Go：runtime.GC()）。内存由 JavaScript 管理；这里做的是 Go 的 GC 对缓存所做的事：每个 sync.Pool 把它的值移入 victim 缓存，并丢弃上一轮回收留下的 victim。虚拟时钟的每次跳跃也算一次 GC。",
    ],
    Chan: [
      "c0fbfce4",
      "Chan 是传递 T 类型值的 Go channel。用 makeChan<T>(cap) 创建；nilChan<T>() 返回一个 nil channel。",
    ],
    makeChan: ["b9908e67", "makeChan 创建一个元素类型为 T、缓冲容量为 cap 的 channel（Go：make(chan T, cap)）。"],
    nilChan: [
      "5bb5e8e4",
      "nilChan 返回一个 nil channel（Go：var ch chan T）：在它上面发送和接收会永远阻塞，close 会 panic。可用它来禁用 select 的某个 case。",
    ],
    select: [
      "0c389bb0",
      "select 等待直到其中某个 case 可以进行，然后执行该 case（Go：select { ... }）。如果有多个 case 就绪，它均匀随机地选一个（随机数有种子：同一个 synctest 种子可复现）。如果没有 case 就绪，有 defaultCase 时执行它，否则阻塞，直到恰好一个 case 完成；未被选中的 case 没有任何效果。nil channel 上的 case 永远不会就绪；没有任何 case 的 select() 会永远阻塞。它 resolve 为被选中 case 的回调的返回值（若是 promise 则先 await）。",
    ],
    defaultCase: [
      "a2e108d6",
      "defaultCase 构造 select 的 default 分支（Go：default:）：在没有其他 case 就绪时执行 fn，这样 select 就不会阻塞。",
    ],
    SelectCase: ["5e6ec059", "select() 的一个 case，由 ch.recvCase、ch.sendCase 或 defaultCase 构造。"],
    SelectResult: ["4a514649", "对一组 case C 执行 select 的结果类型。"],
    RecvChan: ["9e097430", "channel 的只接收视图（Go：<-chan T）。"],
    SendChan: ["42fbeb11", "channel 的只发送视图（Go：chan<- T）。"],
    GoPanic: [
      "fffa3cda",
      'GoPanic 是 panic() 以及运行时错误（例如向已关闭的 channel 发送）抛出的异常。message 以文本形式保存 panic 的值，不带 "panic: " 前缀。当它逃出一个 goroutine 时，整个 bubble 以 "panic: <message>" 失败（fatal 为 true 时则是 "fatal error: <message>"）。',
    ],
  },
};
