import { go, makeChan } from "go";
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
/** What a fetching goroutine sends back to the coordinator. */
interface Report {
  url: string;
  result: string | Error;
  links: string[];
  depth: number;
}

export async function crawl(url: string, depth: number, fetcher: Fetcher): Promise<Crawled> {
  // Only this goroutine touches found and seen: the fetchers send their
  // results here instead of sharing memory, so nothing needs a lock.
  const found: Crawled = new Map();
  const seen = new Set<string>();
  const reports = makeChan<Report>();
  let pending = 0; // fetching goroutines that have yet to report

  const start = (u: string, d: number) => {
    if (d <= 0 || seen.has(u)) return;
    seen.add(u);
    pending++;
    go(async () => {
      const [body, urls, err] = await fetcher.fetch(u);
      await reports.send({ url: u, result: err ?? body, links: err ? [] : urls, depth: d - 1 });
    }, u);
  };

  start(url, depth);
  while (pending > 0) {
    const r = (await reports.recv())!;
    pending--;
    found.set(r.url, r.result);
    for (const link of r.links) start(link, r.depth);
  }
  return found;
}
