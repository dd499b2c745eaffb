import { makeChan, select } from "go";
import * as errgroup from "go/x/sync/errgroup";
import type { Context } from "go/context";

/** A Fetch downloads one URL. */
export type Fetch = (ctx: Context, url: string) => Promise<[string, Error | null]>;

/**
 * fetchAll fetches every URL on limit worker goroutines and returns the
 * pages in the order of urls, or the first error.
 */
export async function fetchAll(
  ctx: Context,
  urls: string[],
  limit: number,
  fetch: Fetch,
): Promise<[string[] | null, Error | null]> {
  const [g, gctx] = errgroup.withContext(ctx);
  const jobs = makeChan<number>();
  await g.go(async () => {
    try {
      for (let i = 0; i < urls.length; i++) {
        const sent = await select(
          jobs.sendCase(i, () => true),
          gctx.done().recvCase(() => false),
        );
        if (!sent) return gctx.err();
      }
      return null;
    } finally {
      jobs.close();
    }
  });
  const pages: string[] = new Array<string>(urls.length).fill("");
  for (let w = 0; w < limit; w++) {
    await g.go(async () => {
      for await (const i of jobs) {
        const [page, err] = await fetch(gctx, urls[i]!);
        if (err) return err;
        pages[i] = page;
      }
      return null;
    });
  }
  const err = await g.wait();
  return err ? [null, err] : [pages, null];
}
