import { go } from "go";
import { WaitGroup } from "go/sync";
import * as context from "go/context";
import * as semaphore from "go/x/sync/semaphore";
import type { Context } from "go/context";

/** A Fetch downloads one URL. */
export type Fetch = (ctx: Context, url: string) => Promise<[string, Error | null]>;

/**
 * fetchAll fetches every URL, at most limit at a time, and returns the pages
 * in the order of urls, or the first error.
 */
export async function fetchAll(
  ctx: Context,
  urls: string[],
  limit: number,
  fetch: Fetch,
): Promise<[string[] | null, Error | null]> {
  const [cctx, cancel] = context.withCancelCause(ctx);
  const sem = semaphore.newWeighted(limit);
  const wg = new WaitGroup();
  const pages: string[] = new Array<string>(urls.length).fill("");
  for (const [i, url] of urls.entries()) {
    // Acquire before starting the goroutine: at most limit exist at once.
    if (await sem.acquire(cctx, 1)) break; // cancelled: start nothing more
    wg.add(1);
    go(async () => {
      try {
        const [page, err] = await fetch(cctx, url);
        if (err)
          cancel(err); // only the first cause is kept
        else pages[i] = page;
      } finally {
        sem.release(1);
        wg.done();
      }
    });
  }
  await wg.wait();
  const err = context.cause(cctx);
  cancel(null);
  return err ? [null, err] : [pages, null];
}
