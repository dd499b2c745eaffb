// Simplified Chinese Go sides that carry prose besides code (localize.ts goHasProse): the code is unchanged, only the words are translated.

import type { Translations } from "./translation";

export const GO_TEXT: Record<string, Translations> = {
  go: {
    nilChan: ["fff3b617", "var ch chan T // 值为 nil 的 channel"],
  },
  "go/context": {
    DeadlineExceededError: ["70b7c0dc", "context.deadlineExceededError（未导出类型）"],
  },
  "go/errors": {
    JoinError: ["66d25b85", "*errors.joinError（未导出类型）"],
    WrapError: ["e858ef23", "*fmt.wrapError（未导出类型）"],
    WrapErrors: ["ba6a30d2", "*fmt.wrapErrors（未导出类型）"],
  },
  "go/x/sync/errgroup": {
    TaskResult: ["f02603ad", "func() error // g.Go 运行的函数"],
  },
  "go/testing/synctest": {
    goroutines: ["72768f8f", "runtime.NumGoroutine() // 在 bubble 内部"],
    elapsed: ["1e23bea7", "time.Since(start) // 按 bubble 的时钟"],
  },
  "go/net/http": {
    cleanPath: ["532d9776", "path.Clean，按 ServeMux 使用它的方式（net/http 未导出的 cleanPath）"],
    Middleware: ["6fd7a734", "func(http.Handler) http.Handler // 一种约定，而不是 Go 的类型"],
    decodeJSON: [
      "2d431429",
      "json.NewDecoder(http.MaxBytesReader(w, r.Body, n)).Decode(&v) // 并开启 DisallowUnknownFields",
    ],
    FieldSpec: ["24dbf2f6", "type T struct { … } // handler 解码的目标结构体"],
    FieldType: ["451c7b3a", "结构体字段的类型：string、int、[]string、*T 等"],
  },
  "go/net/http/jwt": {
    TokenError: ["fc5c5487", "包装了某个 jwt.ErrToken* 哨兵错误的 error"],
  },
  "go/encoding/json": {
    Type: ["fe6ec50f", "一个 Go 类型（reflect.Type），为解码而描述"],
    Fields: ["552d56e8", 'struct { Name T `json:"name"` … } // 字段及其 tag'],
  },
};
