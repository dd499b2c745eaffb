import * as errgroup from "go/x/sync/errgroup";
import type { Context } from "go/context";

/**
 * A Fetch downloads one URL. It returns [page, null] or ["", err], and
 * gives up with ["", ctx.err()] as soon as ctx is done.
 */
export type Fetch = (ctx: Context, url: string) => Promise<[string, Error | null]>;

/**
 * fetchAll fetches every URL, at most limit at a time, and returns the pages
 * in the order of urls. The first error cancels the fetches still running
 * and is returned as [null, err] once every fetch has stopped.
 */
export async function fetchAll(
  ctx: Context,
  urls: string[],
  limit: number,
  fetch: Fetch,
): Promise<[string[] | null, Error | null]> {
  const [g, gctx] = errgroup.withContext(ctx);
  g.setLimit(limit);
  const pages: string[] = new Array<string>(urls.length).fill("");
  for (const [i, url] of urls.entries()) {
    // go blocks while limit fetches are running: the loop is the pool.
    await g.go(async () => {
      const [page, err] = await fetch(gctx, url);
      if (err) return err;
      pages[i] = page; // each goroutine writes only its own slot
      return null;
    });
  }
  const err = await g.wait();
  if (err) return [null, err];
  return [pages, null];
}
