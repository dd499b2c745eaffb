import { go, makeChan, select } from "go";
import * as time from "go/time";
import * as context from "go/context";
import type { Context } from "go/context";

/** ErrTimeout is returned by fetchWithTimeout when the fetch takes too long. */
export const ErrTimeout = new Error("fetch: timed out");

/**
 * fetchWithTimeout runs fetch and returns [page, null], or ["", ErrTimeout]
 * if fetch has not answered within d. It must not leave a goroutine behind.
 */
export async function fetchWithTimeout(
  fetch: () => Promise<string>,
  d: time.Duration,
): Promise<[string, Error | null]> {
  // Buffered: the fetching goroutine can always deliver its result and exit,
  // even when nobody is listening any more.
  const result = makeChan<string>(1);
  go(async () => {
    await result.send(await fetch());
  }, "fetch");
  return select(
    result.recvCase((page): [string, Error | null] => [page ?? "", null]),
    time.after(d).recvCase((): [string, Error | null] => ["", ErrTimeout]),
  );
}

/**
 * fetchWithContext calls fetch with a context that is cancelled after d (or
 * when parent is cancelled) and returns what fetch returns. The context must
 * be cancelled by the time fetchWithContext returns, whatever happens.
 */
export async function fetchWithContext(
  parent: Context,
  fetch: (ctx: Context) => Promise<[string, Error | null]>,
  d: time.Duration,
): Promise<[string, Error | null]> {
  const [ctx] = context.withTimeout(parent, d);
  return fetch(ctx);
}
