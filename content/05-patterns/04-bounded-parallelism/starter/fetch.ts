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
  // TODO: one goroutine per URL with errgroup.withContext(ctx), at most
  // limit at a time (g.setLimit), each storing its page at its own index.
  // This version fetches one URL at a time and never cancels anything.
  const pages: string[] = [];
  for (const url of urls) {
    const [page, err] = await fetch(ctx, url);
    if (err) return [null, err];
    pages.push(page);
  }
  return [pages, null];
}
