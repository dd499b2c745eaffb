import { go } from "go";
import { WaitGroup } from "go/sync";
import { PanicError, recovered } from "./panics";

/** A Job does some work and returns an error, or null when it succeeded. */
export type Job = () => Promise<Error | null>;

/**
 * safeCall runs fn and returns its error; if fn panics (or throws), it
 * returns a PanicError holding the recovered value instead. Go:
 *
 *	func safeCall(fn func() error) (err error) {
 *		defer func() {
 *			if r := recover(); r != nil { err = &PanicError{r} }
 *		}()
 *		return fn()
 *	}
 */
export async function safeCall(fn: Job): Promise<Error | null> {
  try {
    return await fn();
  } catch (e) {
    return new PanicError(recovered(e));
  }
}

/**
 * safeGo runs fn in a new goroutine counted by wg. If fn returns an error or
 * panics, report receives the error (a PanicError for a panic) and the
 * program goes on. wg.done() runs however fn ends.
 */
export function safeGo(wg: WaitGroup, fn: Job, report: (err: Error) => void): void {
  go(async () => {
    wg.add(1);
    try {
      const err = await fn();
      if (err !== null) report(err);
    } catch (e) {
      report(new PanicError(recovered(e)));
    } finally {
      wg.done();
    }
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
    safeGo(wg, job, (err) => {
      results[i] = err;
    });
  });
  await wg.wait();
  return results;
}
