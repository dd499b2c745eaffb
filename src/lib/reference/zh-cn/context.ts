// Simplified Chinese doc comments of go/context.

import type { Translations } from "./translation";

export const CONTEXT_DOCS: Record<string, Translations> = {
  "go/context": {
    background: [
      "dc6dc305",
      "background 返回一个非 nil 的空 Context：永远不会被取消，没有值，也没有截止时间（Go：context.Background()）。在调用树的顶层使用它。",
    ],
    todo: ["6bc93241", "todo 返回一个空 Context，用在还不确定该传哪个 Context 的地方（Go：context.TODO()）。"],
    withCancel: [
      "af6e9196",
      "withCancel 返回 parent 的一个副本，带有新的 done channel：当返回的 cancel 函数被调用，或 parent 的 done channel 被关闭时（以先发生者为准），该 channel 被关闭（Go：context.WithCancel）。工作完成后一定要调用 cancel，以释放资源。",
    ],
    withCancelCause: [
      "6566af19",
      "withCancelCause 与 withCancel 类似，但它的 cancel 函数会记录一个原因，由 cause(ctx) 返回（Go：context.WithCancelCause）。cancel(null) 以 Canceled 作为原因。err() 仍然返回 Canceled。",
    ],
    cause: [
      "25531e91",
      "cause 返回 ctx 被取消的原因（Go：context.Cause）：传给 CancelCauseFunc 的那个错误，否则是 ctx.err()；尚未取消时返回 null。",
    ],
    withDeadline: [
      "6865d2b0",
      "withDeadline 返回 parent 的一个副本，它在时间 d 以 DeadlineExceeded 被取消；如果 parent 被取消或 cancel 被调用，则会更早取消（Go：context.WithDeadline）。子 context 的截止时间永远不会晚于父 context 的：如果 parent 的截止时间更早，结果就相当于 withCancel(parent)。只能在 synctest.run 内部使用。",
    ],
    withDeadlineCause: [
      "96780694",
      "withDeadlineCause 与 withDeadline 类似，但在截止时间到达时记录 cause（由 cause(ctx) 返回）（Go：context.WithDeadlineCause）。",
    ],
    withTimeout: [
      "1f0ea68c",
      "withTimeout 返回 withDeadline(parent, now() + timeout)（Go：context.WithTimeout）。工作一完成就取消它。",
    ],
    withTimeoutCause: [
      "08e1a893",
      "withTimeoutCause 与 withTimeout 类似，但在超时时记录 cause（Go：context.WithTimeoutCause）。",
    ],
    withValue: [
      "ac68b9de",
      'withValue 返回 parent 的一个副本，在其中 value(key) 返回 val（Go：context.WithValue）。键用 === 比较；每个包使用一个唯一的 symbol 或对象作为键，以避免冲突。会以 "cannot create context from nil parent" 或 "nil key" panic（undefined 也算 nil）。',
    ],
    withoutCancel: [
      "d210bb36",
      "withoutCancel 返回 parent 的一个副本，它保留 parent 的值，但永远不会被取消，也没有截止时间（Go：context.WithoutCancel）。",
    ],
    afterFunc: [
      "81949c13",
      "afterFunc 安排在 ctx 结束（done）后，在一个新的 goroutine 中调用 f（Go：context.AfterFunc）。如果 ctx 已经结束，f 立即开始。返回的 stop 函数解除这种关联；如果它阻止了 f 的运行，则返回 true。",
    ],
    isContextError: ["49dd9388", "isContextError 报告 err 是否为 Canceled 或 DeadlineExceeded。"],
    Context: ["7aea48ca", "Context 跨 API 边界携带截止时间、取消信号和请求范围内的值（Go：context.Context）。"],
    CancelFunc: ["a2c0cf2b", "CancelFunc 取消它所属的 context；第一次之后的调用什么也不做。"],
    CancelCauseFunc: ["bbb14f7b", "CancelCauseFunc 取消它所属的 context，并记录 cause（由 cause(ctx) 返回）。"],
    DeadlineExceededError: ["4e4c0bff", "DeadlineExceededError 是 DeadlineExceeded 的类型；timeout() 返回 true。"],
    Canceled: ["d8019c2b", 'Canceled 是 context 被取消时 Context.err 返回的错误（"context canceled"）。'],
    DeadlineExceeded: [
      "bfb74774",
      'DeadlineExceeded 是截止时间已过时 Context.err 返回的错误（"context deadline exceeded"）。',
    ],
  },
};
