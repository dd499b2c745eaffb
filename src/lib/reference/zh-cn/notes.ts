// Simplified Chinese notes of the Go side (go-table-*.ts): why a TypeScript-only name exists.

import type { Translations } from "./translation";

export const NOTES: Record<string, Translations> = {
  go: {
    SelectCase: ["5e6ec059", "select() 的一个 case，由 ch.recvCase、ch.sendCase 或 defaultCase 构造。"],
    SelectResult: ["da2d0c26", "select() resolve 得到的类型：它的各个 case 结果类型的联合。"],
    GoPanic: ["89ebc42f", "panic 抛出的就是它：在 Go 会 defer 一个 recover() 的地方，用 try/catch 捕获它。"],
  },
  "go/time": {
    isVirtual: ["c4362c1e", "报告当前是否在使用 bubble 的虚拟时钟（即是否在 synctest.run 内部）。"],
  },
  "go/context": {
    isContextError: [
      "cae8ce92",
      "一次调用完成 errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded)。",
    ],
  },
  "go/errors": {
    Target: ["4364fd4c", "as 的第二个参数：一个错误类或一个类型谓词；Go 在这里传的是指针。"],
  },
  "go/testing/synctest": {
    explore: ["e136a963", "用 100 个调度器种子运行一个测试，报告第一个失败的种子：用来发现跨 await 的竞态。"],
    peakGoroutines: ["3e29fe08", "bubble 中同时存活的 goroutine 的最大数量：测试用它检查并发上限。"],
    seed: ["534c6a53", "正在运行的 bubble 的调度器种子；同一个种子会重放同样的交错顺序。"],
    lastRun: ["246b567f", "最近一个结束的 bubble 的报告（goroutine、虚拟时间、trace）。"],
    gauge: ["7615e282", "统计某段代码区域内 goroutine 数量的计数器，用于检查并发上限的测试。"],
    Gauge: ["c29c71ac", "gauge() 的返回值：在区域前后调用 enter()/leave()，之后读取 peak。"],
    RunReport: ["bd2f1727", "一个结束的 bubble 所报告的内容。"],
    Trace: ["e96d3eb7", "bubble 记录下的 goroutine 时间线（显示在结果下方）。"],
    RunOptions: ["c6222cfa", "run() 的选项：seed、allowLeaks 等。"],
    ExploreOptions: ["a3b98ad4", "explore() 的选项：使用多少个种子、从哪个种子开始。"],
  },
  "go/net/http": {
    chain: ["8f493b60", "组合中间件，最外层在前：chain(a, b)(h) 就是 a(b(h))，也就是 Go 代码手写的那种嵌套。"],
    checkJSON: ["2b2522d2", "按 FieldSpec 检查一个已解析的值，错误与 decodeJSON 的相同。"],
    DecodeError: ["a11c7de6", "decodeJSON 抛出的错误：一条可以安全展示给客户端的消息，以及应当回复的状态码。"],
    DecodeOptions: ["a7e53432", "decodeJSON 的选项：请求体大小上限、是否允许未知字段。"],
    DefaultMaxJSONBytes: ["fe58525e", "decodeJSON 默认的请求体大小上限，1 MiB。"],
    JSONTypeName: ["a6cc39ee", 'FieldSpec 中字段类型的名字（"string"、"integer?"、"string[]"）。'],
    Decoded: ["60ff64b6", "与某个 FieldSpec 匹配的值的 TypeScript 类型。"],
  },
  "go/net/http/jwt": {
    SignOptions: ["39fa2233", "sign 的选项：以时长表示的过期时间和生效时间（not-before）。"],
    VerifyOptions: ["0f698e19", "verify 的选项：期望的签发者（issuer）和受众（audience）、允许的时钟偏差。"],
    Epoch: ["3e7f9d27", "bubble 时钟为 0 时对应的 Unix 时间（毫秒）：2000-01-01T00:00:00Z，即 synctest 的纪元。"],
  },
  "go/encoding/json": {
    Infer: ["fa84c824", "某个 json Type 所描述的值的 TypeScript 类型：Infer<typeof User>。"],
  },
};
