// The hook by which the sandbox harness hides the console output of a replay:
// explore runs a failing seed a second time to record where its goroutines
// blocked (testing/synctest.ts), and the learner should see that seed's
// output once, as if it had run once.

type Hider = <T>(fn: () => Promise<T>) => Promise<T>;

let hider: Hider | null = null;

/** setReplayOutputHider registers fn, which runs a replay with console output dropped. Pass null to remove it. */
export function setReplayOutputHider(fn: Hider | null): void {
  hider = fn;
}

/** withoutOutput runs fn through the registered hider, or as it is when there is none (Node, tests). */
export function withoutOutput<T>(fn: () => Promise<T>): Promise<T> {
  return hider ? hider(fn) : fn();
}
