// Simplified Chinese of the "Deliberate differences" lists in sandbox/go/README.md
// (differences.ts): "<section>.title" and "<section>.<n>" for the n-th bullet.
// Markdown inline marks (`code`, **bold**) are kept as in the English.

import type { Translations } from "./translation";

export const ZH_CN_DIFFERENCES: Translations = {
  "runtime.title": ["a7244170", "刻意与 Go 不同之处"],
  "runtime.1": [
    "99c870b7",
    "goroutine 是 async 函数，每个阻塞调用都必须 await；goroutine 只会在一个被 await 的运行时操作处被抢占。",
  ],
  "runtime.2": [
    "b4f6ef3a",
    "bubble 是显式的（`synctest.run`）；在 bubble 之外，`go()`、阻塞操作和定时器都会抛出异常。`time.now()` 在任何地方都能用。",
  ],
  "runtime.3": [
    "7102e5ee",
    "main 仍在运行时发生的死锁，报告为 `fatal error: all goroutines are asleep - deadlock!`（经典的运行时消息），而不是 synctest 的 `deadlock: all goroutines in bubble are blocked`。`run(fn, { allowLeaks })` 和 `synctest.explore`（100 个种子）在 Go 中没有对应物。",
  ],
  "runtime.4": [
    "20102307",
    "时长只在 2^53 纳秒（约 104 天）以内是精确的；Go 的 int64 可以表示到 292 年。带小数的时长会被截断为整数纳秒。",
  ],
  "runtime.5": [
    "93aafc01",
    "`time.Time` 没有时区（location），也没有单调时钟读数：它以 UTC 打印，`unixNano()` 返回 bigint。",
  ],
  "runtime.6": [
    "aa17cca1",
    "未被读取的 ticker 会停止安排新的 tick，直到它等待中的那个 tick 被接收（在 Go 中，这些本该送达的 tick 同样会被丢弃）；因此，如果一个 bubble 中唯一待触发的定时器是一个未被读取的 ticker，这里会报告死锁，而 Go 的时钟则会永远向前推进。",
  ],
  "runtime.7": [
    "ec4df8db",
    "没有宏任务参与的空闲检测：goroutine 之外的代码如果需要超过 4 轮微任务才唤醒某个 goroutine，可能会先看到时钟前进（一个正在 await 外部 promise 的 goroutine 总会让时钟保持不动）。",
  ],
  "runtime.8": [
    "0a4a10af",
    '位置信息：每个 bubble 记录其前 1,000 个阻塞操作的发起位置（一次栈捕获要花几微秒）；之后的 dump 和 "forgot await?" 消息会省略操作所在的行，但保留 goroutine 继续往下执行的那一行。goroutine 的创建位置只为前 1,000 个 goroutine 保留。',
  ],
  "packages.title": ["a33704d7", "刻意与 Go 不同之处（sync、atomic、errors、context、x/sync、rate）"],
  "packages.1": [
    "d7108a40",
    "**sync**：`onceFunc`/`onceValue`/`onceValues` 在每次调用时重新抛出同一个被抛出的值，正如 Go 会再次 panic；抛出的非 panic 异常也算作 panic（反正它也会让 goroutine 崩溃）。`sync.Map` 像 JavaScript 的 `Map` 一样比较键（SameValueZero：对象按引用比较，所以两个相等的结构体是两个不同的键，这一点与 Go 不同），`compareAndSwap` / `compareAndDelete` 中的值用 `===` 比较；`range` 访问它开始时存在的键，每个键至多一次，值取访问时的值。",
  ],
  "packages.2": [
    "982eafdc",
    "**sync.Pool**：一个值能熬过一轮 GC（victim 缓存），在第二轮被丢弃，与 Go 相同。这里的 GC 是来自 `go` 的 `gc()`（Go：`runtime.GC()`），以及 bubble 虚拟时钟的每一次向前跳跃；新的 bubble 开始时所有 pool 都是空的。Go 在堆增长时回收，所以值具体何时消失会有不同；与 Go 一样，代码绝不能指望取回自己放进去的东西。它是确定性的：不涉及任何随机性。Go 的 per-P 缓存在这里合为一个缓存（同一时刻只有一个 goroutine 在运行）。构造方式为 `new Pool({ new: () => ... })`（Go：`Pool{New: ...}`）；不提供 `new` 时，把它的类型写成 `Pool<T | undefined>`。",
  ],
  "packages.3": [
    "c51aba77",
    "**sync/atomic**：只有类型化值上的方法（`Int32`、`Uint32`、`Int64`、`Uint64`、`Bool`、`Value<T>`、`Pointer<T>`；没有 `AddInt32(&x, d)` 这种形式：因为没有指针）。没有任何操作会阻塞或让出：同一时刻只有一个 goroutine 在运行，任何不含 `await` 的读-改-写本身就已经是原子的；这些类型之所以存在，是因为 Go 代码会用到它们。32 位类型的回绕是精确的。`Int64`/`Uint64` 接受并返回 number（而不是 bigint），但在精确的 64 位值上计算：它们像 Go 一样回绕；`load` 在 2^53 以内是精确的，超出则被舍入。非整数参数会 panic。`Value` 按 `typeof` 检查“类型相同”，对于对象还要比较原型。",
  ],
  "packages.4": [
    "3f200e01",
    '**errors**：错误就是 JavaScript 的 `Error`（`err.message` 就是 `Error()`）。`errors.New` 是 `newError`（也以 `new` 导出，以便写 `errors.new("...")`）。`as(err, Target)` 接受一个类（用 `instanceof` 匹配）或一个类型谓词，返回匹配到的错误或 `null`（Go 则设置 `*target` 并返回 bool）；错误自己的 `as(target)` 方法返回转换后的错误。`unwrap()` 可以返回一个错误或一个数组；`is` 和 `as` 与 Go 一样遵从 `is(target)`/`as(target)` 方法。不会跟随 `Error.cause`（Go 只跟随 `Unwrap`）。`errorf` 是 Go 的 `fmt.Errorf`，支持部分动词（`%v %+v %s %d %q %x %X %t %f %e %g %T %w %%`、标志、宽度、精度、`%[n]`）；`%T` 和 `%!d(string=x)` 中的类型名是 JavaScript 的（整数和小数分别为 `int`/`float64`，对象为类名）。Go 的 Errorf 在误用时不 panic 而输出的内容（`%!w(...)`、`MISSING`、`EXTRA`、`BADINDEX`）都会被重现。',
  ],
  "packages.5": [
    "534d895f",
    '**context**：`String()` 与 Go 一致（`WithDeadline(2000-01-01 00:00:02.5 +0000 UTC [1.5s])`，但没有 Go 的单调时钟读数 `m=+...`）；不是 Stringer 的键和值按其 JavaScript 类型打印（`int`、symbol 打印为 `Symbol(k)`、类名），而 Go 打印的是 Go 的类型名。键用 `===` 比较，所以 Go 的 "key is not comparable" panic 不会发生；`null` 和 `undefined` 作为键时以 "nil key" panic。',
  ],
  "packages.6": [
    "99f46c2f",
    "**x/sync/singleflight**：`fn` 抛出 `Error` 即为这次调用的错误（对应 Go 的 `(v, err)` 返回值）；`fn` 中的 `panic()` 会以 panic 的形式到达 `do` 的每个调用者，panic 的值是一个 `PanicError`（message = panic 的文本，`unwrap()` = 该值（如果它是一个错误）；Go 的消息还带有栈，这里栈在 `.stack` 中）。如果有任何 `doChan` 的调用者在等待，panic 会在一个新的 goroutine 中被重新抛出并让 bubble 崩溃，就像 Go 的 `go panic(e)`；运行 `fn` 的那个 goroutine 随后永远阻塞，与 Go 相同。`doChan` 的结果是 `[value, error, shared]` 元组（Go：`Result{Val, Err, Shared}`）。这里没有 `runtime.Goexit`。",
  ],
  "packages.7": [
    "261c2177",
    "**x/sync/semaphore**：与 Go 的相同；一个在其 ctx 结束之后才获得令牌的等待者返回 `ctx.err()`，并把令牌还回去。",
  ],
  "packages.8": [
    "d1f29480",
    "**x/time/rate**：时刻是虚拟时间（`time.now()`），所以 `*At` 形式和 `allowN(t, n)`/`reserveN(t, n)` 形式不需要 bubble 也能用，其他形式则需要。`InfDuration` 是 `Infinity`。等待是在 bubble 的时钟上真实地等待（Go 的测试注入的是假时钟）。时长通过 `time.Second`/`time.Nanosecond` 计算，因此遵循 `go/time` 的单位。",
  ],
  "http.title": ["cf609d20", "刻意与 Go 不同之处（go/net/http 和 go/encoding/json）"],
  "http.1": [
    "53ee97e8",
    "请求和响应都是整个一次性送达的，所以 `readTimeout`、`readHeaderTimeout` 和 `idleTimeout` 永远不会到期（没有慢客户端，也没有 keep-alive 连接）；`writeTimeout` 会到期：比它慢的 handler 的回复会被丢弃，客户端看到 `EOF`，与 Go 相同。",
  ],
  "http.2": [
    "12346e0a",
    "最后一个处理中的请求一结束，`shutdown` 就返回；Go 每隔 1-500 ms 轮询一次，所以 Go 最多会晚一个轮询间隔返回。",
  ],
  "http.3": [
    "85367d07",
    "body 是带缓冲的：在 `close()` 之前，`Body` 可以被读取多次（之后的读取抛出 `ErrBodyReadAfterClose`，与 Go 相同）。`parseForm`、`formValue` 和 `postFormValue` 是同步的；multipart 表单不会被解析。cookie、urlencoded 表单和 basic auth 与 Go 一致。",
  ],
  "http.4": [
    "03f536bf",
    "JavaScript 字符串无法保存无效的 UTF-8：不是 UTF-8 的字节（来自查询串中的 `%FF`、cookie 或 JSON 输入）会变成 U+FFFD。",
  ],
  "http.5": [
    "3381fe3b",
    "`httptest.Server.close()` 不会等待处理中的请求（Go 的会阻塞等待）；这些请求的客户端以 `EOF` 失败。",
  ],
  "http.6": [
    "a48f4dca",
    'JSON：TypeScript 没有结构体 tag，所以解码到 Go 类型需要一个 `json.struct(...)` 描述（`json.string()`、`json.int()` 等；`.omitempty()`）；字段的键就是 JSON 名。`json.int()` 拒绝超出 ±2^53-1 的整数（`UnmarshalTypeError` "number ..."），因为 JS 的数字无法精确表示它们；请把这类值解码为 `json.number()`。`marshal` 返回字符串（Go：`[]byte`）；普通对象像结构体一样编码（按顺序输出字段，省略 `undefined`），`Map` 像 Go 的 map 一样编码（键排序）。与 Go 一样，`Decoder` 的语法错误偏移量从正在读取的值的开头算起；它的输入在第一次使用时被整个读入。',
  ],
  "http.7": [
    "19de53b0",
    "错误是挂在普通 `Error` 子类上的 Go 的消息（`instanceof` 可用）；在 Go 中返回 `(value, error)` 的函数，这里返回 `[value, err]`（`parseQuery`、`unmarshal`、`decode`、`request.cookie`、`marshal`）。",
  ],
};
