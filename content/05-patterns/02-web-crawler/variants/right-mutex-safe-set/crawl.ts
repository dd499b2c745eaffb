import { go } from "go";
import { Mutex, WaitGroup } from "go/sync";
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
/** SafeSet is a set of URLs safe for concurrent use (Go: a map guarded by a sync.Mutex). */
class SafeSet {
  private mu = new Mutex();
  private seen = new Set<string>();

  /** claim adds url and reports whether it was new: check and add under one lock. */
  async claim(url: string): Promise<boolean> {
    await this.mu.lock();
    try {
      if (this.seen.has(url)) return false;
      this.seen.add(url);
      return true;
    } finally {
      this.mu.unlock();
    }
  }
}

export async function crawl(url: string, depth: number, fetcher: Fetcher): Promise<Crawled> {
  const found: Crawled = new Map();
  const seen = new SafeSet();
  const wg = new WaitGroup();

  const visit = async (url: string, depth: number) => {
    try {
      if (depth <= 0 || !(await seen.claim(url))) return;
      const [body, urls, err] = await fetcher.fetch(url);
      found.set(url, err ?? body);
      for (const u of err ? [] : urls) {
        wg.add(1);
        go(() => visit(u, depth - 1), u);
      }
    } finally {
      wg.done();
    }
  };

  wg.add(1);
  go(() => visit(url, depth), url);
  await wg.wait();
  return found;
}
