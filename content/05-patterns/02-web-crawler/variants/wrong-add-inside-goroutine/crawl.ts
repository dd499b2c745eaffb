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
  // URLs claimed so far. Checking and adding with no await in between is
  // one atomic step here (one goroutine runs at a time between awaits); in
  // Go, where goroutines run in parallel, it takes a sync.Mutex.
  const seen = new Set<string>();
  const wg = new WaitGroup();

  const visit = async (url: string, depth: number) => {
    try {
      if (depth <= 0 || seen.has(url)) return;
      seen.add(url); // claim it before the fetch, so no other goroutine fetches it too
      const [body, urls, err] = await fetcher.fetch(url);
      if (err !== null) {
        found.set(url, err);
        return;
      }
      found.set(url, body);
      for (const u of urls) {
        go(() => {
          wg.add(1);
          return visit(u, depth - 1);
        }, u);
      }
    } finally {
      wg.done();
    }
  };

  go(() => {
    wg.add(1);
    return visit(url, depth);
  }, url);
  await wg.wait();
  return found;
}
