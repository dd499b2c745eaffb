// Simplified Chinese doc comments of go/sync and go/sync/atomic.

import type { Translations } from "./translation";

export const SYNC_DOCS: Record<string, Translations> = {
  "go/sync": {
    onceFunc: [
      "14d9fbfe",
      "onceFunc 返回一个只调用 f 一次的函数；每次调用都会等待那一次调用结束（Go：sync.OnceFunc）。如果 f panic（抛出异常），返回的函数在每次调用时都抛出同一个值。",
    ],
    onceValue: [
      "13718a21",
      "onceValue 返回一个函数：它只调用 f 一次，并在每次调用时返回其结果（Go：sync.OnceValue）。如果 f panic（抛出异常），返回的函数在每次调用时都抛出同一个值。",
    ],
    onceValues: [
      "a565c4a5",
      "onceValues 返回一个函数：它只调用 f 一次，并在每次调用时返回其两个结果（Go：sync.OnceValues）。如果 f panic（抛出异常），返回的函数在每次调用时都抛出同一个值。",
    ],
    Locker: ["aead6f39", "Locker 表示可以加锁和解锁的对象（Go：sync.Locker）。"],
    WaitGroup: [
      "f5620d4c",
      "WaitGroup 等待一组 goroutine 结束（Go：sync.WaitGroup）。主 goroutine 调用 add 设置要等待的 goroutine 数量；每个 goroutine 结束时调用 done；wait 会阻塞，直到计数器归零。",
    ],
    Mutex: [
      "d4e7534e",
      "Mutex 是互斥锁（Go：sync.Mutex）。零值为未加锁状态。等待者按到达顺序获得锁。Mutex 不与某个 goroutine 绑定：可以由一个 goroutine 加锁、另一个解锁。",
    ],
    RWMutex: [
      "5ed631b1",
      "RWMutex 是读写锁（Go：sync.RWMutex）：可以由任意数量的读者持有，或由一个写者持有。一旦有写者在等待，新来的读者也要等待，因此写者永远不会饿死。",
    ],
    Once: ["c440e87b", "Once 只执行一次动作（Go：sync.Once）。并发调用 do 的调用者会等到第一次调用的 fn 返回。"],
    Cond: [
      "042a94a3",
      "Cond 是条件变量（Go：sync.Cond）：goroutine 在它上面等待某个事件，检查条件时持有 l。用 new Cond(mutex) 构造。",
    ],
    Pool: [
      "9ef40db6",
      'Pool 是一组可以单独保存和取回的临时值（Go：sync.Pool）。存入 Pool 的任何值都可能在任何时候被移除，不另行通知：与 Go 一样，一个值能熬过一轮 GC（它被移入 victim 缓存），在第二轮被丢弃。这里的 GC 发生在调用 "go" 的 gc() 时（Go：runtime.GC()），以及 bubble 的虚拟时钟向前跳跃时；新的 bubble 开始时所有 pool 都是空的。所以，与 Go 一样，永远不要指望取回你放进去的东西：Pool 只是用来节省内存分配。\n\n构造时提供 new 函数，就永远不会得到 undefined：new Pool({ new: () => new Uint8Array(1024) })。不提供时，使用 Pool<T | undefined>。',
    ],
    PoolOptions: ["912ed1cc", "Pool 的选项（Go：sync.Pool 的字段）。"],
    Map: [
      "e7980115",
      'Map 类似于 JavaScript 的 Map，但可以安全地被多个 goroutine 并发使用（Go：sync.Map）。键的比较方式与 JavaScript Map 相同（SameValueZero：字符串和数字按值比较，对象按引用比较）；compareAndSwap 和 compareAndDelete 中的值用 === 比较。没有方法会阻塞：同一时刻只有一个 goroutine 在运行，所以每次调用都是原子的。从 "go/sync" 以 Map 导出（new sync.Map<string, number>()）。',
    ],
  },
  "go/sync/atomic": {
    Int32: ["0bff579a", "Int32 是原子的 int32（Go：atomic.Int32）。零值为 0。"],
    Uint32: ["3a2cc1e9", "Uint32 是原子的 uint32（Go：atomic.Uint32）。零值为 0。"],
    Int64: [
      "061d0c9e",
      "Int64 是原子的 int64（Go：atomic.Int64）。运算是精确的，并像 Go 一样在 int64 的边界处回绕；load 返回一个 number，在 ±2^53 以内是精确的。",
    ],
    Uint64: [
      "ad68b351",
      "Uint64 是原子的 uint64（Go：atomic.Uint64）。运算像 Go 一样按模 2^64 精确进行（对 0 执行 add(-1) 得到 2^64-1）；load 返回一个 number，小于 2^53 时是精确的。",
    ],
    Bool: ["50a6077f", "Bool 是原子的布尔值（Go：atomic.Bool）。零值为 false。"],
    Value: [
      "fbfb5a42",
      "Value 提供对一个类型始终一致的值的原子读取和存储（Go：atomic.Value）。在第一次 store 之前，load 返回 undefined。与 Go 一样，存储 nil（undefined 或 null）会 panic，存储与第一次类型不同的值也会 panic（按 typeof 判断，对象还要比较原型）。当 nil 是合法值时，优先使用 Pointer<T>。",
    ],
    Pointer: ["bcdd05ec", "Pointer 是对 T 的原子引用，或为 null（Go：atomic.Pointer[T]）。零值持有 null。"],
  },
};
