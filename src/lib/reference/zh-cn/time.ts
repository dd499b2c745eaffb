// Simplified Chinese doc comments of go/time.

import type { Translations } from "./translation";

export const TIME_DOCS: Record<string, Translations> = {
  "go/time": {
    now: [
      "6c2575f1",
      "now 返回当前时间（Go：time.Now()）。在 synctest.run 内部，它是 bubble 的虚拟时钟，从 2000-01-01 00:00:00 UTC 开始；在 bubble 之外，它是真实时钟。",
    ],
    since: ["b3bb746c", "since 返回自 t 以来经过的时间（Go：time.Since(t)）；是 now().sub(t) 的简写。"],
    until: ["1ba53e55", "until 返回距离 t 还有多长时间（Go：time.Until(t)）；是 t.sub(now()) 的简写。"],
    unix: ["0ee4ad70", "unix 返回自 1970 年 1 月 1 日 UTC 起 sec 秒加 nsec 纳秒所对应的 Time（Go：time.Unix）。"],
    unixMilli: ["dded706f", "unixMilli 返回自 1970 年 1 月 1 日 UTC 起 msec 毫秒所对应的 Time（Go：time.UnixMilli）。"],
    sleep: [
      "7a264e3b",
      "sleep 让调用它的 goroutine 暂停至少 d（Go：time.Sleep(d)）。d <= 0 时它只是让出执行权给其他 goroutine。只能在 synctest.run 内部使用。",
    ],
    newTimer: [
      "c69a8009",
      "newTimer 创建一个 Timer，在 d 之后把当时的时间发送到它的 channel c 上（Go：time.NewTimer(d)）。",
    ],
    after: [
      "881b71b0",
      "after 等待 d，然后在返回的 channel 上发送它到期的时间（Go：time.After(d)）；它就是 newTimer(d).c。典型用法：select 中的超时 case。",
    ],
    afterFunc: [
      "42ae5829",
      "afterFunc 等待 d，然后在一个新的 goroutine 中调用 fn（Go：time.AfterFunc(d, f)）。对返回的 Timer 调用 stop 可以取消这次调用；它的 c 是一个 nil channel。",
    ],
    newTicker: ["ffa18015", "newTicker 返回一个每隔 d 触发一次的 Ticker（Go：time.NewTicker(d)）；d <= 0 时 panic。"],
    tick: [
      "cc26e2f8",
      "tick 返回一个新 Ticker 的 channel（Go：time.Tick(d)）；d <= 0 时返回 nil channel（永远不会发送）。",
    ],
    isVirtual: ["50826eed", "isVirtual 报告虚拟时钟是否在起作用（即是否在 synctest.run 内部）。"],
    Nanosecond: ["bf9e7c63", "一纳秒。"],
    Microsecond: ["6b9cb1e3", "一微秒，单位为纳秒。"],
    Millisecond: ["8ed29916", "一毫秒，单位为纳秒。"],
    Second: ["ba8196ed", "一秒，单位为纳秒。"],
    Minute: ["6f088b09", "一分钟，单位为纳秒。"],
    Hour: ["6d241eff", "一小时，单位为纳秒。"],
    Time: [
      "c3c98cb6",
      "Time 是精度为纳秒的时间点（Go：time.Time）。比较 Time 用 equal/before/after，不要用 ===；相减用 sub。在 synctest 的 bubble 内部，now() 从 2000-01-01 00:00:00 UTC 开始。",
    ],
    durationString: [
      "f69d108b",
      'durationString 按 Go 打印 Duration 的方式格式化 d（Go：d.String()）："72h3m0.5s"、"1.5s"、"150ms"、"2µs"、"1ns"、"0s"。',
    ],
    Duration: ["b6c416b2", "Duration 是以纳秒为单位的整数（即 Go 的 time.Duration）。"],
    Timer: [
      "7a374360",
      "Timer 表示单个事件（Go：*time.Timer）。触发时，它把到期时间发送到 c 上；但如果它由 afterFunc 创建，则 c 是 nil channel，函数在它自己的 goroutine 中运行。用 newTimer 或 afterFunc 创建。",
    ],
    Ticker: [
      "6317959f",
      "Ticker 每隔一个周期在 c 上发送一次时间（Go：*time.Ticker）。接收得慢的一方会错过 tick：它收到的是最早一个未被接收的 tick，下一个 tick 在周期的下一个整数倍时到来。用 newTicker 创建。",
    ],
  },
};
