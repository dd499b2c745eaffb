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
  const pages: string[] = new Array<string>(urls.length).fill("");
  for (let from = 0; from < urls.length; from += limit) {
    const [g, gctx] = errgroup.withContext(ctx);
    for (let i = from; i < Math.min(from + limit, urls.length); i++) {
      await g.go(async () => {
        const [page, err] = await fetch(gctx, urls[i]!);
        if (err) return err;
        pages[i] = page;
        return null;
      });
    }
    const err = await g.wait();
    if (err) return [null, err];
  }
  return [pages, null];
}
