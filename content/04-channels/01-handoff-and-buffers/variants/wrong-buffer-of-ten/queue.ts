import { go, makeChan } from "go";
import type { RecvChan } from "go";

/**
 * prefetch fetches pages 0..n-1 in order, in one goroutine, and delivers
 * them in order on the returned channel. It holds at most ahead pages that
 * the consumer has not received yet, counting the one being fetched: a slow
 * consumer makes it wait, and it fetches the next page while the consumer
 * works on this one. ahead must be at least 1.
 */
export function prefetch(n: number, ahead: number, fetch: (i: number) => Promise<string>): RecvChan<string> {
  // The producer holds one page in its hand while its send waits, so the
  // buffer holds the other ahead-1 (ahead 1: unbuffered, a pure hand-off).
  const pages = makeChan<string>(ahead - 1);
  go(async () => {
    for (let i = 0; i < n; i++) {
      await pages.send(await fetch(i));
    }
  }, "prefetch");
  return pages;
}

/**
 * firstError runs every task in its own goroutine and returns the first
 * error as soon as a task reports one, or null once every task has
 * succeeded. Tasks still running then finish on their own: none of them is
 * left blocked.
 */
export async function firstError(tasks: Array<() => Promise<Error | null>>): Promise<Error | null> {
  // One slot per task: after an early return nobody receives, and every
  // late task must still be able to deliver its result and exit.
  const errs = makeChan<Error | null>(10);

  for (const task of tasks) {
    go(async () => {
      await errs.send(await task());
    }, "task");
  }
  for (let i = 0; i < tasks.length; i++) {
    const err = await errs.recv();
    if (err) return err;
  }
  return null;
}
