import { go } from "go";
import { WaitGroup } from "go/sync";
import type { Fetcher } from "./fetcher";

/** What a crawl found: for every URL fetched, its body, or the error its fetch returned. */
export type Crawled = Map<string, string | Error>;

/**
 * crawl fetches url and, recursively, the pages it links to, to a maximum of
 * depth (Go: the Tour's Crawl(url, depth, fetcher)): depth 1 fetches url
 * alone, depth 0 nothing. It fetches every URL at most once, fetches the
 * links of a page concurrently as soon as the page arrives, and returns
 * once every fetch has finished.
 */
export async function crawl(url: string, depth: number, fetcher: Fetcher): Promise<Crawled> {
  const found: Crawled = new Map();
  const seen = new Set<string>([url]);
  let level = [url];
  for (let d = depth; d > 0 && level.length > 0; d--) {
    // Fetch the whole level in parallel, then move on to the next one.
    const next: string[] = [];
    const wg = new WaitGroup();
    for (const u of level) {
      wg.add(1);
      go(async () => {
        try {
          const [body, urls, err] = await fetcher.fetch(u);
          found.set(u, err ?? body);
          for (const v of err ? [] : urls) {
            if (!seen.has(v)) {
              seen.add(v);
              next.push(v);
            }
          }
        } finally {
          wg.done();
        }
      }, u);
    }
    await wg.wait();
    level = next;
  }
  return found;
}
