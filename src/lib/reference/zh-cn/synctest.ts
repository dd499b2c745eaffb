// Simplified Chinese doc comments of go/testing/synctest.

import type { Translations } from "./translation";

export const SYNCTEST_DOCS: Record<string, Translations> = {
  "go/testing/synctest": {
    run: [
      "5db0a4ae",
      'run 把 fn 作为一个新 bubble 的 "main" goroutine 运行；当 fn 返回且其他所有 goroutine 都已退出后，以一个 RunReport resolve（Go：synctest.Test）。fn 一返回，bubble 的时钟就停止：其他 goroutine 仍可以运行，但对它们来说时间不再前进。它在以下情况下 reject：当所有 goroutine 都阻塞且没有待触发的定时器时，以 "fatal error: all goroutines are asleep - deadlock!" 加上 goroutine dump；当 fn 返回后仍有 goroutine 阻塞时（除非设置了 allowLeaks），以 "panic: deadlock: main bubble goroutine has exited but blocked goroutines remain" 加上 dump；当发生 panic 或有异常逃出某个 goroutine 时，以 "panic: <message>" 加上该 goroutine 及其位置；以及 fn 自己抛出的错误（例如失败的 expect），原样传出。reject 的 Error 在它的 `report` 属性中携带 RunReport。同一个 seed 会重放同样的交错顺序。',
    ],
    wait: [
      "2044100f",
      "wait 阻塞，直到 bubble 中其他每个 goroutine 都持久阻塞（Go：synctest.Wait()），不推进时钟。在断言之前用它观察 goroutine 产生的效果。同一时刻只能有一个 goroutine 在 wait。",
    ],
    explore: [
      "392aaeb4",
      "explore 对每个种子在一个新的 bubble 中运行一次 fn，在第一个失败的种子处 reject，其 Error 的消息给出该种子以及如何重放它：run(fn, { seed })。用它来寻找结果取决于交错顺序的竞态。",
    ],
    goroutines: ["43ba6271", "goroutines 返回正在运行的 bubble 中存活的 goroutine 数量，包括 main。"],
    peakGoroutines: [
      "237efeeb",
      "peakGoroutines 返回正在运行的 bubble（或上一次运行）中到目前为止同时存活的 goroutine 的最大数量。",
    ],
    elapsed: [
      "539a1cf7",
      "elapsed 返回正在运行的 bubble（或上一次运行）中经过的虚拟时间，类型为 time.Duration（纳秒）。",
    ],
    seed: ["837645fe", "seed 返回正在运行的 bubble 的种子。"],
    lastRun: ["3790873e", "lastRun 返回最近一次结束的运行（无论通过与否）的 RunReport，没有则返回 null。"],
    gauge: ["6cea2556", "gauge 返回一个新的 Gauge，用于测量某段区域的峰值并发数。"],
    RunReport: ["0db112a2", "一次运行结束后报告的内容。"],
    RunOptions: ["617700ae", "run() 的选项。"],
    ExploreOptions: ["033e0fa0", "explore() 的选项。"],
    Gauge: [
      "d98443d8",
      "Gauge 测量同时处于某段区域内的 goroutine 数量。goroutine 进入区域时调用 enter()，离开时调用 leave()（或用 track(fn) 包住这段区域）；peak 是观测到的最大值。",
    ],
  },
};
