// The Tour's Fetcher and its fake, in TypeScript. Each fake fetch takes
// virtual time (one second unless told otherwise), as a real one would, and
// the fake counts what it fetched so the tests can check your crawler.
import * as errors from "go/errors";
import * as time from "go/time";

/** A Fetcher fetches web pages (Go: the Tour's Fetcher interface). */
export interface Fetcher {
  /** fetch returns the body of url and the URLs found on that page, or an error (Go: Fetch(url) (body, urls, err)). */
  fetch(url: string): Promise<[body: string, urls: string[], err: Error | null]>;
}

/** A fake page: its body and the links on it (Go: the Tour's fakeResult). */
export interface FakePage {
  body: string;
  urls: string[];
}

/**
 * FakeFetcher serves pages from a table (Go: the Tour's fakeFetcher). A URL
 * missing from the table fails with "not found: <url>". Every fetch takes
 * latency(url) of virtual time and is counted.
 */
export class FakeFetcher implements Fetcher {
  /** How many times each URL was fetched. */
  readonly count = new Map<string, number>();
  /** Every fetch, in the order they started. */
  readonly log: string[] = [];
  /** Fetches in flight now, and the most there ever were at once. */
  inFlight = 0;
  peak = 0;

  constructor(
    readonly pages: Readonly<Record<string, FakePage>>,
    readonly latency: (url: string) => time.Duration = () => time.Second,
  ) {}

  async fetch(url: string): Promise<[string, string[], Error | null]> {
    this.log.push(url);
    this.count.set(url, (this.count.get(url) ?? 0) + 1);
    this.inFlight++;
    this.peak = Math.max(this.peak, this.inFlight);
    try {
      await time.sleep(this.latency(url));
    } finally {
      this.inFlight--;
    }
    const page = Object.hasOwn(this.pages, url) ? this.pages[url] : undefined;
    if (!page) return ["", [], errors.errorf("not found: %s", url)];
    return [page.body, [...page.urls], null];
  }
}

/** The Tour's fake web: golang.org's pages and their links. /cmd/ is linked but not found. */
export const tourPages: Readonly<Record<string, FakePage>> = {
  "https://golang.org/": {
    body: "The Go Programming Language",
    urls: ["https://golang.org/pkg/", "https://golang.org/cmd/"],
  },
  "https://golang.org/pkg/": {
    body: "Packages",
    urls: [
      "https://golang.org/",
      "https://golang.org/cmd/",
      "https://golang.org/pkg/fmt/",
      "https://golang.org/pkg/os/",
    ],
  },
  "https://golang.org/pkg/fmt/": {
    body: "Package fmt",
    urls: ["https://golang.org/", "https://golang.org/pkg/"],
  },
  "https://golang.org/pkg/os/": {
    body: "Package os",
    urls: ["https://golang.org/", "https://golang.org/pkg/"],
  },
};
