import { go } from "go";
import { WaitGroup } from "go/sync";
import * as context from "go/context";
import * as semaphore from "go/x/sync/semaphore";
import type { Context } from "go/context";

/** A Fetch downloads one URL. */
export type Fetch = (ctx: Context, url: string) => Promise<[string, Error | null]>;

/** fetchAll fetches every URL, at most limit at a time. */
export async function fetchAll(
  ctx: Context,
  urls: string[],
  limit: number,
  fetch: Fetch,
): Promise<[string[] | null, Error | null]> {
  const [cctx, cancel] = context.withCancel(ctx);
  const sem = semaphore.newWeighted(limit);
  const wg = new WaitGroup();
  const pages: string[] = new Array<string>(urls.length).fill("");
  let failure: Error | null = null;
  for (const [i, url] of urls.entries()) {
    if (await sem.acquire(cctx, 1)) break;
    wg.add(1);
    go(async () => {
      try {
        const [page, err] = await fetch(cctx, url);
        if (err && err !== context.Canceled) {
          failure = err;
          cancel();
        }
        pages[i] = page;
      } finally {
        sem.release(1);
        wg.done();
      }
    });
  }
  await wg.wait();
  cancel();
  const err = failure ?? ctx.err();
  return err ? [null, err] : [pages, null];
}
