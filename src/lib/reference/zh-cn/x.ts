// Simplified Chinese doc comments of go/x/sync/errgroup, semaphore, singleflight and go/x/time/rate.

import type { Translations } from "./translation";

export const X_DOCS: Record<string, Translations> = {
  "go/x/sync/errgroup": {
    withContext: [
      "61870060",
      "withContext 返回一个新的 Group，以及一个从 ctx 派生的 Context（Go：errgroup.WithContext）。当传给 go 的某个函数第一次返回错误，或 wait 返回时（以先发生者为准），该 context 被取消；context.cause(ctx) 就是那个错误。",
    ],
    TaskResult: ["bbba76fd", "传给 Group.go 的任务可以返回的值：一个错误，或者什么都不返回表示成功。"],
    Group: [
      "8bd0f9a9",
      "Group 是一组 goroutine，它们处理同一个任务的各个子任务（Go：errgroup.Group）。零值（new Group()）没有并发上限，出错时也不会取消任何东西。",
    ],
  },
  "go/x/sync/semaphore": {
    newWeighted: ["fa600e02", "newWeighted 创建一个总权重为 n 的带权信号量（Go：semaphore.NewWeighted(n)）。"],
    Weighted: [
      "a4d40268",
      "Weighted 提供了一种限制对资源并发访问的方式（Go：semaphore.Weighted）。调用者申请一个权重；等待者按 FIFO 顺序得到服务，因此大的请求不会被小的请求饿死。",
    ],
  },
  "go/x/sync/singleflight": {
    Result: ["5cb08d21", "一次 singleflight 调用的结果：[value, error, shared]（Go：singleflight.Result）。"],
    Group: [
      "c74d1377",
      "Group 抑制重复的工作（Go：singleflight.Group）：以相同的 key 并发调用 do 或 doChan 时，fn 只运行一次，所有调用者都收到它的结果。",
    ],
  },
  "go/x/time/rate": {
    every: ["6867ae21", "every 把事件之间的最小时间间隔转换为 Limit；interval <= 0 时得到 Inf（Go：rate.Every）。"],
    newLimiter: [
      "de9a4b42",
      "newLimiter 返回一个 Limiter，它允许事件以不超过 r 的速率发生，并允许最多 b 个令牌的突发；初始时令牌桶是满的（Go：rate.NewLimiter(r, b)）。",
    ],
    Limit: ["234c36dc", "Limit 是事件的最大频率，单位为每秒事件数（Go：rate.Limit）。"],
    Inf: ["f06a699f", "Inf 是无限的速率限制：即使 burst 为 0，它也允许所有事件（Go：rate.Inf）。"],
    InfDuration: [
      "1d8bf1f2",
      "InfDuration 是 Reservation 不 ok 时其 delay 返回的时长（Go：rate.InfDuration，即最大的 Duration；这里是 Infinity）。",
    ],
    Reservation: [
      "46aaa867",
      "Reservation 保存着 Limiter 允许在一段延迟之后发生的事件的信息（Go：rate.Reservation）。Reservation 可以被取消，这可能让 Limiter 允许更多的事件。",
    ],
    Limiter: [
      "63a6a202",
      "Limiter 控制事件被允许发生的频率（Go：rate.Limiter）。它实现了一个容量为 burst 的令牌桶，初始时是满的，以每秒 limit 个令牌的速度补充。用 newLimiter 创建。",
    ],
  },
};
