// Package "go": goroutines, channels and select, Go-style.
//
//   Go                          TypeScript
//   go f()                      go(f)            or go(f, "name")
//   ch := make(chan int, 3)     const ch = makeChan<number>(3)
//   ch <- v                     await ch.send(v)
//   v := <-ch                   const v = await ch.recv()
//   v, ok := <-ch               const [v, ok] = await ch.recvOk()
//   close(ch)                   ch.close()
//   for v := range ch           for await (const v of ch)
//   select { case ... }         await select(ch.recvCase((v, ok) => ...), out.sendCase(x, () => ...), defaultCase(() => ...))
//   panic("boom")               panic("boom")
//
// Goroutines only exist inside a synctest bubble (synctest.run from
// "go/testing/synctest"); every exercise test runs its body in one.
import { spawnGoroutine, requireBubble, activeBubble } from "./internal/scheduler";
import { GoPanic } from "./internal/panic";
import { runGC } from "./internal/gc";

export { Chan, makeChan, nilChan, select, defaultCase } from "./internal/chan";
export type { SelectCase, SelectResult, RecvChan, SendChan } from "./internal/chan";
export { GoPanic } from "./internal/panic";

/**
 * go starts fn in a new goroutine (Go: go fn()). The new goroutine is
 * runnable at once; the caller keeps running. name labels it in traces and
 * deadlock dumps. A panic or uncaught exception in fn crashes the whole
 * bubble, like in Go. Only inside synctest.run.
 */
export function go(fn: () => unknown | Promise<unknown>, name?: string): void {
  spawnGoroutine(fn, name);
}

/**
 * panic stops the calling goroutine with a Go panic (Go: panic(v)). Unless
 * caught, it ends the bubble: synctest.run rejects with "panic: <v>" and the
 * goroutine's location.
 */
export function panic(v: unknown): never {
  throw new GoPanic(v);
}

/**
 * gosched yields the processor (Go: runtime.Gosched()): the scheduler may run
 * other runnable goroutines before the caller continues.
 */
export function gosched(): Promise<void> {
  const b = requireBubble("gosched");
  return b.yield<void>(b.caller("gosched"));
}

/**
 * numGoroutine returns the number of goroutines that exist in the current
 * bubble, main included (Go: runtime.NumGoroutine()). 0 outside a bubble.
 */
export function numGoroutine(): number {
  const b = activeBubble();
  return b ? b.live.size : 0;
}

/**
 * gc runs a garbage-collection cycle (Go: runtime.GC()). Memory is JavaScript's
 * business; what this does is what a Go GC does to caches: each sync.Pool
 * moves its values to a victim cache and drops the victims of the cycle
 * before. The virtual clock's jumps are GC cycles too.
 */
export function gc(): void {
  runGC();
}
