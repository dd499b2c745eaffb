import * as errgroup from "go/x/sync/errgroup";
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
  const [g, gctx] = errgroup.withContext(ctx);
  const pages: string[] = new Array<string>(urls.length).fill("");
  let next = 0;
  for (let w = 0; w < limit; w++) {
    await g.go(async () => {
      while (next < urls.length) {
        const [page, err] = await fetch(gctx, urls[next]!);
        if (err) return err;
        pages[next++] = page;
      }
      return null;
    });
  }
  const err = await g.wait();
  return err ? [null, err] : [pages, null];
}
