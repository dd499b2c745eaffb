// The event-loop primitives the scheduler is built on: microtasks, a
// macrotask, a wall clock, and the seeded PRNG.

/** mulberry32: a small, fast, seeded PRNG returning floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const resolved = Promise.resolve();
/**
 * microtask runs fn in a microtask. A reaction on a resolved promise is
 * several times cheaper than Node's queueMicrotask, and the scheduler queues
 * a few per goroutine switch.
 */
export function microtask(fn: () => void): void {
  void resolved.then(fn);
}

/** The resolving functions of the promise park creates last (capture avoids a closure per park). */
export const captured: { resolve: ((v: unknown) => void) | null; reject: ((e: unknown) => void) | null } = {
  resolve: null,
  reject: null,
};
export function capture(resolve: (v: never) => void, reject: (e: unknown) => void): void {
  captured.resolve = resolve as (v: unknown) => void;
  captured.reject = reject;
}

type MacroFn = (fn: () => void) => void;
/** postMacrotask runs fn after the microtask queue has drained. */
export const postMacrotask: MacroFn = (() => {
  const g = globalThis as unknown as {
    setImmediate?: (fn: () => void) => unknown;
    MessageChannel?: new () => {
      port1: { onmessage: ((ev: unknown) => void) | null };
      port2: { postMessage(v: unknown): void };
    };
    setTimeout: (fn: () => void, ms: number) => unknown;
  };
  if (typeof g.setImmediate === "function") {
    const si = g.setImmediate;
    return (fn) => void si(fn);
  }
  if (typeof g.MessageChannel === "function") {
    const mc = new g.MessageChannel();
    const q: Array<() => void> = [];
    mc.port1.onmessage = () => {
      const f = q.shift();
      if (f) f();
    };
    return (fn) => {
      q.push(fn);
      mc.port2.postMessage(0);
    };
  }
  return (fn) => void g.setTimeout(fn, 0);
})();

/** wallNow returns a real-time clock reading in ms. */
export const wallNow: () => number =
  typeof performance !== "undefined" && typeof performance.now === "function"
    ? () => performance.now()
    : () => Date.now();
