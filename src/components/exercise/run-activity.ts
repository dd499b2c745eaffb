// Whether a Run is in progress on the page, so that background work (the
// editor's TypeScript language worker: 4.5 MB of JavaScript to parse, then
// the learner declarations to check) starts when it cannot slow a Run down.

let inFlight = 0;
let waiters: (() => void)[] = [];

/** Notes that a Run started; call runEnded() when it is over, however it ends. */
export function runStarted(): void {
  inFlight++;
}

/** Notes that a Run is over. */
export function runEnded(): void {
  inFlight = Math.max(0, inFlight - 1);
  if (inFlight > 0) return;
  const ready = waiters;
  waiters = [];
  ready.forEach((wake) => wake());
}

/** Resolves once no Run is in progress: at once if none is. */
export function runsIdle(): Promise<void> {
  return inFlight === 0 ? Promise.resolve() : new Promise((wake) => waiters.push(wake));
}
