import { go } from "go";
import { WaitGroup } from "go/sync";
import { PanicError, recovered } from "./panics";

/** A Job does some work and returns an error, or null when it succeeded. */
export type Job = () => Promise<Error | null>;

/**
 * safeCall runs fn and returns its error; if fn panics (or throws), it
 * returns a PanicError holding the recovered value instead.
 */
export async function safeCall(fn: Job): Promise<Error | null> {
  // TODO: catch what fn throws and return new PanicError(recovered(e)).
  return fn();
}

/**
 * safeGo runs fn in a new goroutine counted by wg. If fn returns an error or
 * panics, report receives the error (a PanicError for a panic) and the
 * program goes on. wg.done() runs however fn ends.
 */
export function safeGo(wg: WaitGroup, fn: Job, report: (err: Error) => void): void {
  // TODO: count the goroutine before it starts, recover inside it, and
  // call wg.done() on every path.
  go(async () => {
    wg.add(1);
    const err = await fn();
    if (err !== null) report(err);
    wg.done();
  }, "safeGo");
}

/**
 * runAll runs every job at once, each in its own goroutine with safeGo, and
 * returns their errors in job order (null for a job that succeeded), once
 * every job has ended. A job that panics does not stop the others.
 */
export async function runAll(jobs: Job[]): Promise<(Error | null)[]> {
  const wg = new WaitGroup();
  const results: (Error | null)[] = jobs.map(() => null);
  jobs.forEach((job, i) => {
    // TODO: this catch never sees a panic: it happens later, in another
    // goroutine. Use safeGo.
    try {
      wg.add(1);
      go(async () => {
        results[i] = await job();
        wg.done();
      }, "job");
    } catch (e) {
      results[i] = new PanicError(recovered(e));
      wg.done();
    }
  });
  await wg.wait();
  return results;
}
