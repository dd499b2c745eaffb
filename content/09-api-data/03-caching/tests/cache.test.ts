import { describe, expect, it } from "vitest";
import { go } from "go";
import { newRecorder, newRequest } from "go/net/http/httptest";
import { WaitGroup } from "go/sync";
import { explore, run } from "go/testing/synctest";
import * as time from "go/time";
import { newAPI } from "./api";
import { Cache } from "./cache";
import type { Options } from "./cache";
import { ErrNotFound, ProductDB } from "./db";

const mug = { id: "p1", name: "Gopher mug", price: 1250 };
const socks = { id: "p2", name: "Channel socks", price: 700 };
const hoodie = { id: "p3", name: "Context hoodie", price: 4500 };
const stickers = { id: "p4", name: "Select stickers", price: 399 };

/** opts: ttl 60s, negativeTTL 5s, jitter 20s, and rand always 0 unless given. */
const opts = (o: Partial<Options> = {}): Options => ({
  ttl: time.Minute,
  negativeTTL: 5 * time.Second,
  jitter: 20 * time.Second,
  rand: () => 0,
  ...o,
});

const show = (v: unknown) => (v instanceof Error ? `Error(${JSON.stringify(v.message)})` : JSON.stringify(v));

/** many runs fn in n goroutines at once and waits for all of them. */
async function many(n: number, fn: (i: number) => Promise<void>): Promise<void> {
  const wg = new WaitGroup();
  for (let i = 0; i < n; i++) {
    wg.add(1);
    go(async () => {
      try {
        await fn(i);
      } finally {
        wg.done();
      }
    });
  }
  await wg.wait();
}

describe("Task 1: cache-aside", () => {
  it("a miss loads from the database, a hit does not", async () => {
    await run(async () => {
      const db = new ProductDB([mug]);
      const cache = new Cache(db, opts());
      let start = time.now();
      expect(await cache.get("p1"), "the first get loads the product").toEqual([mug, null]);
      expect(time.since(start), "a miss takes one database read (50ms)").toBe(50 * time.Millisecond);
      start = time.now();
      expect(await cache.get("p1"), "the second get is served from the cache").toEqual([mug, null]);
      expect(time.since(start), "a hit takes no time").toBe(0);
      expect(db.loads, `the database was read ${db.loads} times for two gets of one product`).toBe(1);
    });
  });

  it("an entry lives for ttl plus its jitter, then is loaded again", async () => {
    await run(async () => {
      const db = new ProductDB([mug]);
      const cache = new Cache(db, opts({ rand: () => 0.5 }));
      await cache.get("p1"); // cached at 50ms for 60s + 0.5 * 20s = 70s
      await time.sleep(70 * time.Second - time.Nanosecond);
      await cache.get("p1");
      expect(db.loads, "1ns before ttl + rand() * jitter (70s) the entry is still fresh").toBe(1);
      await time.sleep(time.Nanosecond);
      await cache.get("p1");
      expect(db.loads, "at ttl + rand() * jitter (70s) the entry has expired and is loaded again").toBe(2);
    });
  });

  it("a failing database is not cached", async () => {
    await run(async () => {
      const db = new ProductDB([mug]);
      const cache = new Cache(db, opts());
      db.failNext();
      const [p, err] = await cache.get("p1");
      expect([p, err?.message], "the database's error reaches the caller").toEqual([null, "db: connection refused"]);
      expect(await cache.get("p1"), "once the database is back the product is served").toEqual([mug, null]);
      expect(db.loads, "the error was not cached: the second get read the database").toBe(2);
    });
  });

  it("serves GET /products/{id} through the API", async () => {
    await run(async () => {
      const db = new ProductDB([mug]);
      const api = newAPI(new Cache(db, opts()));
      const statuses: number[] = [];
      for (const id of ["p1", "p1", "nope", "nope"]) {
        const w = newRecorder();
        await api.serveHTTP(w, newRequest("GET", `/products/${id}`));
        statuses.push(w.result().statusCode);
      }
      expect(statuses, "200 twice, then 404 twice").toEqual([200, 200, 404, 404]);
      expect(db.loads, "one read for p1 and one for the missing id").toBe(2);
    });
  });
});

describe("Task 2: a stampede makes one load", () => {
  it("50 concurrent misses for one product make one database read", async () => {
    await explore(
      async () => {
        const db = new ProductDB([mug]);
        const cache = new Cache(db, opts());
        const got: unknown[] = [];
        await many(50, async () => {
          got.push(await cache.get("p1"));
        });
        expect(db.loads, `50 concurrent misses made ${db.loads} database reads; share one load (singleflight)`).toBe(1);
        expect(
          got.filter((g) => show(g) === show([mug, null])).length,
          "every one of the 50 callers gets the product",
        ).toBe(50);
        expect(time.since(time.unix(946684800, 0)), "they all wait for the one 50ms read").toBe(50 * time.Millisecond);
      },
      { seeds: 20 },
    );
  });

  it("when a hot entry expires, the stampede still makes one read", async () => {
    await explore(
      async () => {
        const db = new ProductDB([mug]);
        const cache = new Cache(db, opts());
        await cache.get("p1");
        await time.sleep(2 * time.Minute);
        await many(50, async () => {
          await cache.get("p1");
        });
        expect(db.loads, `the expired entry was reloaded by ${db.loads - 1} of 50 concurrent callers`).toBe(2);
      },
      { seeds: 20 },
    );
  });

  it("different products load separately, each caller gets its own", async () => {
    await explore(
      async () => {
        const db = new ProductDB([mug, socks]);
        const cache = new Cache(db, opts());
        const got = new Map<string, string[]>();
        await many(6, async (i) => {
          const id = i % 2 === 0 ? "p1" : "p2";
          const [p] = await cache.get(id);
          got.set(id, [...(got.get(id) ?? []), p?.name ?? "none"]);
        });
        expect(
          [got.get("p1"), got.get("p2")],
          "singleflight is per key: callers for p1 must never get p2, and the reverse",
        ).toEqual([
          ["Gopher mug", "Gopher mug", "Gopher mug"],
          ["Channel socks", "Channel socks", "Channel socks"],
        ]);
        expect([db.loadsOf.get("p1"), db.loadsOf.get("p2")], "one read per product").toEqual([1, 1]);
      },
      { seeds: 20 },
    );
  });
});

describe("Task 3: missing ids are cached briefly", () => {
  it("requests for an id that does not exist reach the database once per negativeTTL", async () => {
    await run(async () => {
      const db = new ProductDB([mug]);
      const cache = new Cache(db, opts());
      for (let i = 0; i < 10; i++) {
        const [p, err] = await cache.get("nope");
        expect([p, err], `get ${i + 1} of a missing id returns [null, ErrNotFound]`).toEqual([null, ErrNotFound]);
        await time.sleep(100 * time.Millisecond);
      }
      expect(db.loads, `10 requests for a missing id within 5s made ${db.loads} reads; cache the miss`).toBe(1);
    });
  });

  it("concurrent requests for a missing id make one read", async () => {
    await explore(
      async () => {
        const db = new ProductDB([mug]);
        const cache = new Cache(db, opts());
        const errs: (Error | null)[] = [];
        await many(20, async () => {
          errs.push((await cache.get("nope"))[1]);
        });
        expect(errs.filter((e) => e === ErrNotFound).length, "all 20 callers get the ErrNotFound sentinel").toBe(20);
        expect(db.loads, `${db.loads} reads for 20 concurrent misses of one id`).toBe(1);
      },
      { seeds: 20 },
    );
  });

  it("a product created after a miss appears once negativeTTL has passed", async () => {
    await run(async () => {
      const db = new ProductDB([mug]);
      const cache = new Cache(db, opts());
      await cache.get("p9"); // not found at 50ms: cached until 5.05s
      db.put({ id: "p9", name: "New tote", price: 900 });
      await time.sleep(5 * time.Second - time.Nanosecond);
      expect((await cache.get("p9"))[1], "within negativeTTL the miss is still cached").toBe(ErrNotFound);
      await time.sleep(time.Nanosecond);
      expect(
        (await cache.get("p9"))[0]?.name,
        "after negativeTTL (5s, not the 60s ttl) the new product must be found",
      ).toBe("New tote");
    });
  });

  it("a database error is not cached as not found", async () => {
    await run(async () => {
      const db = new ProductDB([mug]);
      const cache = new Cache(db, opts());
      db.failNext();
      const [, err] = await cache.get("p1");
      expect(err === ErrNotFound, "a failing database is not proof that the product does not exist").toBe(false);
      expect(await cache.get("p1"), "the next get reads the database again and finds it").toEqual([mug, null]);
    });
  });
});

describe("Task 4: jitter spreads expiries", () => {
  it("entries loaded together expire at different times", async () => {
    await run(async () => {
      const db = new ProductDB([mug, socks, hoodie, stickers]);
      const seq = [0, 0.25, 0.5, 0.75];
      let n = 0;
      const cache = new Cache(db, opts({ rand: () => seq[n++ % seq.length] }));
      // Loaded one after another: p1 gets rand 0, p2 0.25, p3 0.5, p4 0.75.
      for (const id of ["p1", "p2", "p3", "p4"]) await cache.get(id);
      const reloaded: string[][] = [];
      let before = new Map(db.loadsOf);
      for (const at of [61, 66, 71, 76]) {
        await time.sleep(at * time.Second - time.since(time.unix(946684800, 0)));
        await many(4, async (i) => {
          await cache.get(`p${i + 1}`);
        });
        reloaded.push(["p1", "p2", "p3", "p4"].filter((id) => db.loadsOf.get(id) !== before.get(id)));
        before = new Map(db.loadsOf);
      }
      expect(
        reloaded,
        "with ttl 60s and jitter 20s, each entry gets ttl + rand() * jitter: p1 expires near 60s, p2 65s, p3 70s, p4 75s, not all at once",
      ).toEqual([["p1"], ["p2"], ["p3"], ["p4"]]);
    });
  });
});
