// Garbage-collection points of the virtual runtime. Nothing is collected
// here (JavaScript's GC does that); caches that Go clears during a GC cycle,
// such as sync.Pool, register a hook that runs at each such point.

const hooks: Array<() => void> = [];

/** onGC registers fn to run at every GC cycle. */
export function onGC(fn: () => void): void {
  hooks.push(fn);
}

/**
 * runGC runs one GC cycle: at gc() (Go: runtime.GC()), whenever a bubble's
 * virtual clock jumps forward, and twice when a bubble starts (so every
 * bubble begins with empty pools, whatever earlier tests left).
 */
export function runGC(): void {
  for (const h of hooks) h();
}
