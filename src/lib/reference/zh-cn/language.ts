// Simplified Chinese titles and notes of the language constructs and the prose section titles.

import type { Translations } from "./translation";

export const LANGUAGE: Record<string, Translations> = {
  lang: {
    "go-statement.title": ["4c757132", "go 语句"],
    "go-statement.note": [
      "6d5b5a48",
      "启动一个 goroutine；可选的 name 在时间线和死锁 dump 中标记它。只能在 synctest.run 内部使用。",
    ],
    "chan-send.title": ["2944a0b2", "channel 发送"],
    "chan-send.note": [
      "10940e34",
      "阻塞，直到有接收者取走 v（或缓冲区腾出空间）。如果没有 await，该 goroutine 会 panic：forgot await?",
    ],
    "chan-recv.title": ["4b11b6a1", "channel 接收"],
    "chan-recv.note": ["43b8ad82", "从已关闭且已取空的 channel 接收，得到零值（undefined）和 ok = false。"],
    "chan-close.note": [
      "4aaf129d",
      "不会阻塞，所以不用 await。重复关闭，或向已关闭的 channel 发送，都会像 Go 中一样 panic。",
    ],
    "chan-range.title": ["cb5a6a59", "对 channel 使用 for range"],
    "chan-range.note": ["ba8405fd", "不断接收，直到 channel 被关闭并取空。"],
    "chan-len-cap.title": ["4430c6e6", "channel 的 len 和 cap"],
    "chan-len-cap.note": ["f4b48f8c", "缓冲区中等待的值的数量，以及缓冲区的大小。"],
    "select.note": ["003bafa9", "await select(...) 得到被选中 case 的返回值；多个 case 就绪时随机选一个，与 Go 相同。"],
    "defer.note": ["4be790a2", "Go 在函数返回或 panic 时执行 defer 的调用；finally 对它所在的代码块做同样的事。"],
    "recover.note": [
      "7faae0fa",
      "panic 就是抛出一个 GoPanic；在发生 panic 的那个 goroutine 中捕获它，就相当于 Go 的 recover。",
    ],
  },
  section: {
    language: ["1577adc9", "语言：goroutine、channel、select、defer、panic"],
    errors: ["fc8a334d", "errors（以及 fmt.Errorf）"],
    "net-http": ["2a1f03e2", "net/http（以及 net/url）"],
    jwt: ["a0d0e61a", "jwt（本课程的包，仿照 github.com/golang-jwt/jwt）"],
  },
};
