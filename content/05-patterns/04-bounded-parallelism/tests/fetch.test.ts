import { describe, it, expect } from "vitest";
import { select } from "go";
import * as synctest from "go/testing/synctest";
import * as time from "go/time";
import * as context from "go/context";
import type { Context } from "go/context";
import { fetchAll } from "./fetch";
import type { Fetch } from "./fetch";

/** d in milliseconds, for messages. */
const ms = (d: time.Duration) => `${d / time.Millisecond}ms`;
const show = (v: unknown) => (v instanceof Error ? `Error(${JSON.stringify(v.message)})` : JSON.stringify(v));

/** One fetch as the fake server saw it. */
interface Call {
  url: string;
  /** When it started, since the bubble began. */
  at: time.Duration;
  /** Whether its context was already done when it started. */
  doneAtStart: boolean;
  /** How it ended: "ok", "failed" or "cancelled". */
  end?: string;
}

/**
 * server is a fake site: fetching url takes plan[url] of virtual time, or
 * fails after that long when the plan says so. Every fetch honours its
 * context. gauge counts the fetches in flight.
 */
function server(plan: Record<string, { d: time.Duration; fail?: Error }>) {
  const calls: Call[] = [];
  const gauge = synctest.gauge();
  const fetch: Fetch = (ctx: Context, url: string) =>
    gauge.track(async (): Promise<[string, Error | null]> => {
      const step = plan[url];
      if (!step) throw new Error(`fetch called with ${JSON.stringify(url)}, which is not in the list`);
      const call: Call = { url, at: synctest.elapsed(), doneAtStart: ctx.err() !== null };
      calls.push(call);
      return select(
        time.after(step.d).recvCase((): [string, Error | null] => {
          call.end = step.fail ? "failed" : "ok";
          return step.fail ? ["", step.fail] : [`<page ${url}>`, null];
        }),
        ctx.done().recvCase((): [string, Error | null] => {
          call.end = "cancelled";
          return ["", ctx.err()];
        }),
      );
    });
  return { fetch, calls, gauge };
}

/** The uneven site of Tasks 1 and 2: one slow page, one medium, six fast. */
const site = {
  "/a": { d: 300 * time.Millisecond },
  "/b": { d: 100 * time.Millisecond },
  "/c": { d: 100 * time.Millisecond },
  "/d": { d: 100 * time.Millisecond },
  "/e": { d: 100 * time.Millisecond },
  "/f": { d: 100 * time.Millisecond },
  "/g": { d: 100 * time.Millisecond },
  "/h": { d: 200 * time.Millisecond },
};
const urls = Object.keys(site);

describe("Task 1: fetches every page, in order", () => {
  it("returns every page in the order of urls, whatever order they finish in", async () => {
    await synctest.run(async () => {
      const s = server(site);
      const [pages, err] = await fetchAll(context.background(), urls, 3, s.fetch);
      expect(err, `got error ${show(err)}; no fetch failed`).toBeNull();
      expect(
        pages,
        "pages[i] is the page of urls[i]: store each page at its own index, not in finishing order",
      ).toEqual(urls.map((u) => `<page ${u}>`));
      const fetched = s.calls.map((c) => c.url).sort();
      expect(fetched, "each URL is fetched exactly once").toEqual([...urls].sort());
    });
  });

  it("keeps every page in its slot under every schedule", async () => {
    await synctest.explore(
      async () => {
        const s = server(site);
        const [pages, err] = await fetchAll(context.background(), urls, 3, s.fetch);
        expect(err, `got error ${show(err)} under seed ${synctest.seed()}`).toBeNull();
        expect(pages, `pages out of place under seed ${synctest.seed()}`).toEqual(urls.map((u) => `<page ${u}>`));
        expect(s.calls.length, `${s.calls.length} fetches for ${urls.length} URLs under seed ${synctest.seed()}`).toBe(
          urls.length,
        );
      },
      { seeds: 30 },
    );
  });

  it("returns an empty list for no URLs", async () => {
    await synctest.run(async () => {
      const s = server({});
      const [pages, err] = await fetchAll(context.background(), [], 3, s.fetch);
      expect([pages, err], "nothing to fetch: an empty list and no error").toEqual([[], null]);
    });
  });
});

describe("Task 2: at most limit at once, and no fewer when there is work", () => {
  it("never runs more than limit fetches at once", async () => {
    await synctest.run(async () => {
      const s = server(site);
      await fetchAll(context.background(), urls, 3, s.fetch);
      expect(s.gauge.peak, `${s.gauge.peak} fetches ran at once; the limit is 3`).toBeLessThanOrEqual(3);
      expect(
        s.gauge.peak,
        `at most ${s.gauge.peak} fetch(es) ran at once with 8 URLs waiting; a limit of 3 means 3 at a time, not one by one`,
      ).toBe(3);
    });
  });

  it("starts the next fetch as soon as one finishes", async () => {
    await synctest.run(async () => {
      const s = server(site);
      const start = time.now();
      await fetchAll(context.background(), urls, 3, s.fetch);
      const took = time.since(start);
      // /a takes 300ms while the fast ones stream through the other two
      // slots; /h starts at 300ms and ends at 500ms. One at a time takes
      // 1100ms; batches of 3 wait for their slowest and take 600ms.
      expect(
        took,
        `took ${ms(took)}; a pool of 3 takes 500ms here (one at a time: 1100ms, batches of 3: 600ms): start the next URL when any fetch ends, not when a whole batch has`,
      ).toBe(500 * time.Millisecond);
    });
  });

  it("honours other limits", async () => {
    for (const limit of [1, 2, 8]) {
      await synctest.run(async () => {
        const s = server(site);
        await fetchAll(context.background(), urls, limit, s.fetch);
        expect(s.gauge.peak, `with limit ${limit}, ${s.gauge.peak} fetches ran at once`).toBe(limit);
      });
    }
  });
});

const boom = new Error("GET /b: 502 Bad Gateway");
const late = new Error("GET /c: connection reset");

describe("Task 3: the first error cancels the rest", () => {
  it("returns the first error as soon as the running fetches have stopped", async () => {
    await synctest.run(async () => {
      const s = server({
        "/a": { d: time.Minute },
        "/b": { d: 50 * time.Millisecond, fail: boom },
        "/c": { d: time.Minute },
        "/d": { d: time.Minute },
        "/e": { d: time.Minute },
      });
      const start = time.now();
      const [pages, err] = await fetchAll(context.background(), ["/a", "/b", "/c", "/d", "/e"], 3, s.fetch);
      const took = time.since(start);
      expect(err, `got ${show(err)}; return the error of the fetch that failed, not a context error`).toBe(boom);
      expect(pages, "a failed fetchAll returns no pages (null)").toBeNull();
      expect(
        took,
        `returned after ${ms(took)}; /b failed at 50ms, so the other fetches must see their context done then and stop (pass them the group's context)`,
      ).toBe(50 * time.Millisecond);
      const running = s.calls.filter((c) => c.url === "/a" || c.url === "/c");
      expect(
        running.map((c) => c.end),
        "/a and /c were running when /b failed: by the time fetchAll returns they must have seen their context cancelled and stopped (cancel, then wait for them)",
      ).toEqual(["cancelled", "cancelled"]);
      for (const c of s.calls.filter((c) => c.at >= 50 * time.Millisecond)) {
        expect(c.doneAtStart, `${c.url} started after the error with a live context; give it the group's context`).toBe(
          true,
        );
      }
    });
  });

  it("keeps the first error, not a later one", async () => {
    await synctest.explore(
      async () => {
        const s = server({
          "/a": { d: 80 * time.Millisecond, fail: late },
          "/b": { d: 50 * time.Millisecond, fail: boom },
          "/c": { d: 10 * time.Millisecond },
        });
        // /a ignores the cancellation: its own error comes at 80ms anyway.
        const fetch: Fetch = async (ctx, url) =>
          url === "/a" ? s.fetch(context.background(), url) : s.fetch(ctx, url);
        const [, err] = await fetchAll(context.background(), ["/a", "/b", "/c"], 2, fetch);
        expect(
          err,
          `got ${show(err)} under seed ${synctest.seed()}; /b failed at 50ms, /a at 80ms: return the first`,
        ).toBe(boom);
        expect(synctest.elapsed(), "fetchAll waits for every fetch it started, /a included").toBe(
          80 * time.Millisecond,
        );
      },
      { seeds: 30 },
    );
  });

  it("stops when the caller's context is cancelled", async () => {
    await synctest.run(async () => {
      const s = server(Object.fromEntries(urls.map((u) => [u, { d: time.Minute }])));
      const [ctx, cancel] = context.withCancel(context.background());
      time.afterFunc(200 * time.Millisecond, cancel);
      const [pages, err] = await fetchAll(ctx, urls, 3, s.fetch);
      expect(err, `got ${show(err)}; the caller cancelled at 200ms: derive the group's context from ctx`).toBe(
        context.Canceled,
      );
      expect(pages, "a cancelled fetchAll returns no pages (null)").toBeNull();
      expect(synctest.elapsed(), "fetchAll returns as soon as the caller cancels").toBe(200 * time.Millisecond);
    });
  });
});
