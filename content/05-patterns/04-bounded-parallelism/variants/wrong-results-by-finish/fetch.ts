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
  g.setLimit(limit);
  const pages: string[] = [];
  for (const url of urls) {
    await g.go(async () => {
      const [page, err] = await fetch(gctx, url);
      if (err) return err;
      pages.push(page);
      return null;
    });
  }
  const err = await g.wait();
  return err ? [null, err] : [pages, null];
}
