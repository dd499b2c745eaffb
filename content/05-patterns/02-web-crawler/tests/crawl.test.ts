import { describe, it, expect } from "vitest";
import * as synctest from "go/testing/synctest";
import * as time from "go/time";
import { crawl } from "./crawl";
import type { Crawled } from "./crawl";
import { FakeFetcher, tourPages } from "./fetcher";
import type { FakePage } from "./fetcher";

/** Schedules tried per explore: enough to catch every variant in variants/, few enough to keep a Run quick. */
const SEEDS = { seeds: 30 };

const root = "https://golang.org/";
const pkg = "https://golang.org/pkg/";
const cmd = "https://golang.org/cmd/";
const fmt = "https://golang.org/pkg/fmt/";
const os = "https://golang.org/pkg/os/";

/** A fake web from "page: link link ..." lines; a page's body is its name. */
function web(spec: Record<string, string>): Record<string, FakePage> {
  const pages: Record<string, FakePage> = {};
  for (const [url, links] of Object.entries(spec)) {
    pages[url] = { body: `page ${url}`, urls: links.split(" ").filter(Boolean) };
  }
  return pages;
}

/** The crawl's result as plain data: url -> body, or "error: message". */
const plain = (c: Crawled) =>
  Object.fromEntries(
    [...c.entries()]
      .map(([u, v]): [string, string] => [u, v instanceof Error ? `error: ${v.message}` : v])
      .sort(([a], [b]) => (a < b ? -1 : 1)),
  );

/** The URLs fetched more than once, with their counts. */
const dups = (f: FakeFetcher) => Object.fromEntries([...f.count].filter(([, n]) => n > 1));
const ms = (d: time.Duration) => `${d / time.Millisecond}ms`;
const show = (v: unknown) => JSON.stringify(v);

describe("Task 1: crawl finds every page within depth", () => {
  it("crawls the Tour's golang.org pages to depth 4", async () => {
    await synctest.run(async () => {
      const found = plain(await crawl(root, 4, new FakeFetcher(tourPages)));
      expect(found, "crawl(golang.org, 4) finds 4 pages and reports /cmd/ as not found").toEqual({
        [root]: "The Go Programming Language",
        [cmd]: `error: not found: ${cmd}`,
        [pkg]: "Packages",
        [fmt]: "Package fmt",
        [os]: "Package os",
      });
    });
  });

  it("fetches a URL only while depth is above 0: depth 1 is the page alone", async () => {
    await synctest.run(async () => {
      const cases: [number, string[]][] = [
        [0, []],
        [1, [root]],
        [2, [root, cmd, pkg]],
        [3, [root, cmd, pkg, fmt, os]],
      ];
      for (const [depth, want] of cases) {
        const f = new FakeFetcher(tourPages);
        const found = Object.keys(plain(await crawl(root, depth, f)));
        expect(found, `crawl(golang.org, ${depth}) found ${show(found)}`).toEqual([...want].sort());
        expect([...f.count.keys()].sort(), `crawl(golang.org, ${depth}) fetched ${show(f.log)}`).toEqual(
          [...want].sort(),
        );
      }
    });
  });

  it("stops exactly at depth on a long chain of links", async () => {
    await synctest.run(async () => {
      const chain = web({ a: "b", b: "c", c: "d", d: "e", e: "f", f: "" });
      for (const depth of [1, 3, 5]) {
        const f = new FakeFetcher(chain, () => 10 * time.Millisecond);
        await crawl("a", depth, f);
        expect(f.log, `crawl(a, ${depth}) on the chain a -> b -> c -> d -> e -> f fetched ${show(f.log)}`).toEqual(
          ["a", "b", "c", "d", "e", "f"].slice(0, depth),
        );
      }
    });
  });

  it("keeps crawling the other links when one fetch fails", async () => {
    await synctest.run(async () => {
      const pages = web({ a: "missing b c", b: "b1", c: "c1", b1: "", c1: "" });
      const found = plain(await crawl("a", 3, new FakeFetcher(pages)));
      expect(found, `a links to a missing page, b and c; crawl found ${show(found)}`).toEqual({
        a: "page a",
        b: "page b",
        b1: "page b1",
        c: "page c",
        c1: "page c1",
        missing: "error: not found: missing",
      });
    });
  });
});

describe("Task 2: crawl fetches every URL exactly once", () => {
  it("fetches each golang.org page once although they link to each other", async () => {
    await synctest.run(async () => {
      const f = new FakeFetcher(tourPages);
      await crawl(root, 4, f);
      expect(dups(f), `fetched more than once: ${show(dups(f))}; claim a URL before you fetch it`).toEqual({});
      expect(f.count.get(cmd), "/cmd/ fails; it is still fetched only once (a failed URL stays claimed)").toBe(1);
    });
  });

  it("fetches each URL once when several pages find the same links at the same moment, under every schedule", async () => {
    // a, b and c arrive together and all link to x and y: three goroutines
    // race for each of them. A check and a claim with an await between them
    // lets two of them through.
    const pages = web({ r: "a b c", a: "x y r", b: "y x", c: "x y", x: "z r", y: "z", z: "r a" });
    await synctest.explore(async () => {
      const f = new FakeFetcher(pages, () => 100 * time.Millisecond);
      const found = await crawl("r", 10, f);
      expect(dups(f), `fetched more than once under seed ${synctest.seed()}: ${show(dups(f))}`).toEqual({});
      expect(f.log.length, `${f.log.length} fetches for 7 pages under seed ${synctest.seed()}`).toBe(7);
      expect(found.size, `crawl returned ${found.size} pages of 7 under seed ${synctest.seed()}`).toBe(7);
    }, SEEDS);
  });

  it("fetches each URL once in a web where every page links to every other", async () => {
    const names = ["p0", "p1", "p2", "p3", "p4", "p5"];
    const spec = Object.fromEntries(names.map((n) => [n, names.filter((m) => m !== n).join(" ")]));
    await synctest.explore(async () => {
      // Uneven: p3 is slow, so the others find its links long before it answers.
      const f = new FakeFetcher(web(spec), (u) => (u === "p3" ? 700 : 100 + 10 * names.indexOf(u)) * time.Millisecond);
      await crawl("p0", 6, f);
      expect(dups(f), `fetched more than once under seed ${synctest.seed()}: ${show(dups(f))}`).toEqual({});
      expect(f.log.length, `${f.log.length} fetches for 6 pages under seed ${synctest.seed()}`).toBe(6);
    }, SEEDS);
  });
});

describe("Task 3: crawl fetches in parallel and leaves nothing behind", () => {
  it("takes depth x latency on the Tour's pages, not the sum of the fetches", async () => {
    await synctest.run(async () => {
      const start = time.now();
      await crawl(root, 4, new FakeFetcher(tourPages));
      const took = time.since(start);
      expect(
        took,
        `crawl took ${ms(took)}; each fetch takes 1s and the pages sit on 3 levels, so in parallel it takes 3000ms (one at a time: 5000ms)`,
      ).toBe(3 * time.Second);
    });
  });

  it("fetches each link as soon as its page arrives (no waiting for the slowest page of a level)", async () => {
    // r -> a (slow) -> a1, and r -> b -> b1 -> b2: the longest path is r, a, a1 = 700ms.
    const pages = web({ r: "a b", a: "a1", b: "b1", a1: "", b1: "b2", b2: "" });
    const latency = (u: string) => (u === "a" ? 500 : 100) * time.Millisecond;
    await synctest.run(async () => {
      const f = new FakeFetcher(pages, latency);
      const start = time.now();
      const found = await crawl("r", 4, f);
      const took = time.since(start);
      expect(found.size, `found ${found.size} of 6 pages`).toBe(6);
      expect(
        took,
        `crawl took ${ms(took)}; the slowest path r -> a -> a1 takes 700ms (level by level: 800ms; one at a time: 1000ms)`,
      ).toBe(700 * time.Millisecond);
    });
  });

  it("has every link of a page in flight at once", async () => {
    const hub = web({ hub: "s0 s1 s2 s3 s4 s5 s6 s7", s0: "", s1: "", s2: "", s3: "", s4: "", s5: "", s6: "", s7: "" });
    await synctest.run(async () => {
      const f = new FakeFetcher(hub);
      await crawl("hub", 2, f);
      expect(f.peak, `${f.peak} fetches ran at once; the hub's 8 links can all be fetched together`).toBe(8);
    });
  });

  it("returns after the last fetch and leaves no goroutine behind", async () => {
    await synctest.explore(async () => {
      const f = new FakeFetcher(tourPages, (u) => (u === os ? 3 : 1) * time.Second);
      const found = await crawl(root, 4, f);
      expect(
        f.inFlight,
        `${f.inFlight} fetches were still running when crawl returned (seed ${synctest.seed()}): wait for every goroutine you started`,
      ).toBe(0);
      expect(found.size, `crawl returned ${found.size} of 5 URLs (seed ${synctest.seed()})`).toBe(5);
      await synctest.wait();
      const left = synctest.goroutines() - 1;
      expect(left, `${left} goroutine(s) still alive after crawl returned (seed ${synctest.seed()})`).toBe(0);
    }, SEEDS);
  });
});
