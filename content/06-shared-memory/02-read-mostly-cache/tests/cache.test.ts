import { describe, it, expect } from "vitest";
import { panic } from "go";
import { WaitGroup } from "go/sync";
import * as synctest from "go/testing/synctest";
import * as time from "go/time";
import { Cache } from "./cache";
import type { Open, Store } from "./store";

/** Schedules tried per explore: enough to catch every variant in variants/, few enough to keep a Run quick. */
const SEEDS = { seeds: 30 };

const READ = 10 * time.Millisecond;
const WRITE = 5 * time.Millisecond;
const LOAD = 50 * time.Millisecond;

/**
 * A store in virtual time that reports what Go's race detector would: a
 * write that overlaps a read or another write. Reads take 10ms, writes 5ms.
 */
class FakeStore implements Store {
  readonly data = new Map<string, string>([
    ["go", "gopher"],
    ["ts", "typescript"],
  ]);
  readonly readers = synctest.gauge();
  readonly problems: string[] = [];
  private writing = 0;

  async read(key: string): Promise<string | undefined> {
    if (this.writing > 0) this.problems.push(`read(${key}) ran while a write was in progress`);
    await this.readers.track(() => time.sleep(READ));
    if (this.writing > 0) this.problems.push(`a write started while read(${key}) was in progress`);
    return this.data.get(key);
  }

  async write(key: string, value: string): Promise<void> {
    if (this.writing > 0 || this.readers.current > 0)
      this.problems.push(
        `write(${key}) started with ${this.readers.current} readers and ${this.writing} writers inside`,
      );
    this.writing++;
    await time.sleep(WRITE);
    this.writing--;
    this.data.set(key, value);
  }
}

/** An open function that counts its calls, takes 50ms and then does what `outcome` says. */
function opener(outcome: "ok" | Error | { panic: unknown } = "ok") {
  const store = new FakeStore();
  const o = {
    store,
    opens: 0,
    open: (async () => {
      o.opens++;
      await time.sleep(LOAD);
      if (outcome === "ok") return [store, null];
      if (outcome instanceof Error) return [null, outcome];
      panic(outcome.panic);
    }) as Open,
  };
  return o;
}

/** Runs every fn in its own goroutine and waits for all of them; returns their results in order. */
async function all<T>(fns: (() => Promise<T>)[]): Promise<T[]> {
  const out = new Array<T>(fns.length);
  const wg = new WaitGroup();
  fns.forEach((fn, i) =>
    wg.go(async () => {
      out[i] = await fn();
    }),
  );
  await wg.wait();
  return out;
}

const ms = (d: time.Duration) => `${d / time.Millisecond}ms`;
const show = (v: unknown) => JSON.stringify(v);

describe("Task 1: readers share the lock", () => {
  it("returns what the store holds", async () => {
    await synctest.run(async () => {
      const o = opener();
      const cache = new Cache(o.open);
      expect(await cache.get("go"), "get(go) after loading").toEqual(["gopher", null]);
      expect(await cache.get("rust"), "an absent key is [undefined, null]").toEqual([undefined, null]);
    });
  });

  it("5 concurrent gets hold the read lock together", async () => {
    await synctest.run(async () => {
      const o = opener();
      const cache = new Cache(o.open);
      await cache.get("go"); // loaded
      const start = time.now();
      const got = await all(Array.from({ length: 5 }, () => () => cache.get("ts")));
      const took = time.since(start);
      expect(got, `5 gets returned ${show(got)}`).toEqual(Array.from({ length: 5 }, () => ["typescript", null]));
      expect(
        o.store.readers.peak,
        `at most ${o.store.readers.peak} reader(s) at once: a Mutex serialises readers, rLock lets them share`,
      ).toBeGreaterThan(1);
      expect(took, `5 reads of ${ms(READ)} took ${ms(took)}; sharing the read lock they take ${ms(READ)}`).toBe(READ);
    });
  });
});

describe("Task 2: a writer is exclusive", () => {
  it("set is seen by later gets", async () => {
    await synctest.run(async () => {
      const o = opener();
      const cache = new Cache(o.open);
      expect(await cache.set("go", "Gopher 2"), "set returns null once loaded").toBeNull();
      expect(await cache.get("go"), "get after set returns the new value").toEqual(["Gopher 2", null]);
    });
  });

  it("no write overlaps a read or another write, under every schedule", async () => {
    await synctest.explore(async () => {
      const o = opener();
      const cache = new Cache(o.open);
      await cache.get("go");
      const ops = [
        () => cache.get("go"),
        () => cache.set("go", "v1"),
        () => cache.get("ts"),
        () => cache.get("go"),
        () => cache.set("ts", "v2"),
        () => cache.get("ts"),
        () => cache.set("go", "v3"),
      ];
      await all(ops.map((op) => async () => void (await op())));
      expect(
        o.store.problems,
        `the store saw ${o.store.problems.length} problem(s) (seed ${synctest.seed()}), listed below`,
      ).toEqual([]);
      const [goVal] = await cache.get("go");
      expect(["v1", "v3"], `get(go) returned ${show(goVal)} after two writes (seed ${synctest.seed()})`).toContain(
        goVal,
      );
    }, SEEDS);
  });

  it("a writer waits for the readers already inside", async () => {
    await synctest.run(async () => {
      const o = opener();
      const cache = new Cache(o.open);
      await cache.get("go");
      const start = time.now();
      let wroteAt = 0;
      await all<unknown>([
        () => cache.get("go"),
        () => cache.get("ts"),
        async () => {
          await time.sleep(time.Millisecond); // the readers are inside by now
          await cache.set("go", "new");
          wroteAt = time.since(start);
        },
      ]);
      expect(
        wroteAt,
        `set finished at ${ms(wroteAt)}; it must wait for the two ${ms(READ)} reads, then write for ${ms(WRITE)}`,
      ).toBe(READ + WRITE);
      expect(o.store.problems, `the store saw ${o.store.problems.length} problem(s), listed below`).toEqual([]);
    });
  });
});

describe("Task 3: loaded once, on first use", () => {
  it("constructing the cache loads nothing", async () => {
    await synctest.run(async () => {
      const o = opener();
      new Cache(o.open);
      await time.sleep(time.Second);
      expect(o.opens, `open was called ${o.opens} time(s) before any get: load lazily, on first use`).toBe(0);
    });
  });

  it("10 concurrent first gets open the store exactly once", async () => {
    await synctest.explore(async () => {
      const o = opener();
      const cache = new Cache(o.open);
      const got = await all(Array.from({ length: 10 }, (_, i) => () => cache.get(i % 2 ? "go" : "ts")));
      expect(o.opens, `open ran ${o.opens} times for 10 concurrent first gets (seed ${synctest.seed()})`).toBe(1);
      expect(
        got.map(([v]) => v),
        `the gets returned ${show(got)}`,
      ).toEqual(Array.from({ length: 10 }, (_, i) => (i % 2 ? "gopher" : "typescript")));
    }, SEEDS);
  });

  it("a first set loads the store too, and only once", async () => {
    await synctest.run(async () => {
      const o = opener();
      const cache = new Cache(o.open);
      await all<unknown>([() => cache.set("go", "x"), () => cache.get("ts"), () => cache.set("ts", "y")]);
      expect(o.opens, `open ran ${o.opens} times`).toBe(1);
      expect(await cache.get("ts"), "the set after loading is kept").toEqual(["y", null]);
    });
  });
});

describe("Task 4: when loading fails or panics", () => {
  it("a failed load is loaded once, and every caller gets its error", async () => {
    await synctest.run(async () => {
      const boom = new Error("open cache: snapshot not found");
      const o = opener(boom);
      const cache = new Cache(o.open);
      const first = await all(Array.from({ length: 4 }, () => () => cache.get("go")));
      expect(first, `concurrent gets returned ${show(first.map(([v, e]) => [v, e?.message]))}`).toEqual(
        Array.from({ length: 4 }, () => [undefined, boom]),
      );
      expect(await cache.get("go"), "a later get returns the same error").toEqual([undefined, boom]);
      expect(await cache.set("go", "x"), "set returns the load error too").toBe(boom);
      expect(o.opens, `open ran ${o.opens} times; as with sync.OnceValues the error is the result, kept`).toBe(1);
    });
  });

  it("a panicking load panics every caller with the same value, loading once", async () => {
    await synctest.run(async () => {
      const o = opener({ panic: "corrupt snapshot" });
      const cache = new Cache(o.open);
      const caught: unknown[] = [];
      const tryGet = async () => {
        try {
          await cache.get("go");
          caught.push("no panic");
        } catch (e) {
          caught.push(e);
        }
      };
      await all([tryGet, tryGet, tryGet]);
      await tryGet();
      const texts = caught.map((e) => (e instanceof Error ? e.message : String(e)));
      expect(
        caught.every((e) => e === caught[0]) && texts[0] !== "no panic",
        `the callers saw ${show(texts)}: every call must re-panic with the loader's panic, as sync.OnceValue does`,
      ).toBe(true);
      expect(texts[0], "the panic is the loader's").toContain("corrupt snapshot");
      expect(o.opens, `open ran ${o.opens} times`).toBe(1);
    });
  });
});
