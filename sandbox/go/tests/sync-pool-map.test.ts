// sync.Pool and sync.Map, ported from Go's src/sync/pool_test.go and
// map_test.go (map_reference_test.go's RWMutexMap is the reference model).
import { describe, it, expect } from "vitest";
import { gc, gosched } from "go";
import * as sync from "go/sync";
import * as time from "go/time";
import * as synctest from "go/testing/synctest";

describe("sync.Pool", () => {
  it("returns private then shared items, keeps them one GC, drops them at the second (TestPool)", async () => {
    await synctest.run(async () => {
      const p = new sync.Pool<string | undefined>();
      expect(p.get()).toBeUndefined();
      p.put("a");
      p.put("b");
      expect(p.get()).toBe("a");
      expect(p.get()).toBe("b");
      expect(p.get()).toBeUndefined();
      for (let i = 0; i < 100; i++) p.put("c");
      gc();
      expect(p.get()).toBe("c"); // the victim cache keeps them alive
      gc();
      expect(p.get()).toBeUndefined();
    });
  });

  it("calls new when empty (TestPoolNew)", async () => {
    await synctest.run(async () => {
      let i = 0;
      const p = new sync.Pool({ new: () => ++i });
      expect(p.get()).toBe(1);
      expect(p.get()).toBe(2);
      p.put(42);
      expect(p.get()).toBe(42);
      expect(p.get()).toBe(3);
    });
  });

  it("releases everything after two GC cycles (TestPoolRelease / TestPoolGC)", async () => {
    await synctest.run(async () => {
      for (const drain of [false, true]) {
        const p = new sync.Pool<object | undefined>();
        const items = Array.from({ length: 100 }, () => ({}));
        for (const x of items) p.put(x);
        if (drain) for (let i = 0; i < 100; i++) expect(items).toContain(p.get());
        gc();
        gc();
        expect(p.get()).toBeUndefined();
      }
    });
  });

  it("a jump of the virtual clock is a GC cycle; a new bubble starts empty", async () => {
    const p = new sync.Pool<string | undefined>();
    await synctest.run(async () => {
      p.put("x");
      await time.sleep(time.Millisecond);
      p.put("y");
      await time.sleep(time.Millisecond);
      expect(p.get()).toBe("y"); // survived one cycle
      expect(p.get()).toBeUndefined(); // "x" was dropped at the second
      p.put("z");
    });
    await synctest.run(async () => {
      expect(p.get()).toBeUndefined();
    });
  });

  it("put of undefined or null is ignored; concurrent put/get never loses type (TestPoolStress)", async () => {
    await synctest.run(async () => {
      const p = new sync.Pool<number | undefined>();
      p.put(undefined);
      expect(p.get()).toBeUndefined();
      const wg = new sync.WaitGroup();
      for (let g = 0; g < 10; g++)
        wg.go(async () => {
          let v: number | undefined = 0;
          for (let j = 0; j < 100; j++) {
            if (v === undefined) v = 0;
            p.put(v);
            await gosched();
            v = p.get();
            expect(v === undefined || v === 0).toBe(true);
          }
        });
      await wg.wait();
    });
  });
});

type Op =
  | "load"
  | "store"
  | "loadOrStore"
  | "loadAndDelete"
  | "delete"
  | "swap"
  | "compareAndSwap"
  | "compareAndDelete"
  | "clear";
const ops: Op[] = [
  "load",
  "store",
  "loadOrStore",
  "loadAndDelete",
  "delete",
  "swap",
  "compareAndSwap",
  "compareAndDelete",
  "clear",
];

/** RWMutexMap's behaviour (Go's reference model) on a plain Map. */
function applyReference(m: Map<string, string>, op: Op, k: string, v: string): [unknown, boolean] {
  switch (op) {
    case "load":
      return m.has(k) ? [m.get(k), true] : [undefined, false];
    case "store":
      m.set(k, v);
      return [undefined, false];
    case "loadOrStore":
      if (m.has(k)) return [m.get(k), true];
      m.set(k, v);
      return [v, false];
    case "loadAndDelete": {
      const had = m.has(k);
      const old = m.get(k);
      m.delete(k);
      return [old, had];
    }
    case "delete":
      m.delete(k);
      return [undefined, false];
    case "swap": {
      const had = m.has(k);
      const old = m.get(k);
      m.set(k, v);
      return [old, had];
    }
    case "compareAndSwap":
      if (m.has(k) && m.get(k) === v) {
        m.delete(k);
        return [v, true];
      }
      return [undefined, false];
    case "compareAndDelete":
      if (m.has(k) && m.get(k) === v) {
        m.delete(k);
        return [undefined, true];
      }
      return [undefined, false];
    case "clear":
      m.clear();
      return [undefined, false];
  }
}

/** mapCall.apply from map_test.go on a sync.Map. */
function applySync(m: sync.Map<string, string>, op: Op, k: string, v: string, n: number): [unknown, boolean] {
  switch (op) {
    case "load":
      return m.load(k);
    case "store":
      m.store(k, v);
      return [undefined, false];
    case "loadOrStore":
      return m.loadOrStore(k, v);
    case "loadAndDelete":
      return m.loadAndDelete(k);
    case "delete":
      m.delete(k);
      return [undefined, false];
    case "swap":
      return m.swap(k, v);
    case "compareAndSwap":
      if (m.compareAndSwap(k, v, `r${n}`)) {
        m.delete(k);
        return [v, true];
      }
      return [undefined, false];
    case "compareAndDelete":
      if (m.compareAndDelete(k, v) && !m.load(k)[1]) return [undefined, true];
      return [undefined, false];
    case "clear":
      m.clear();
      return [undefined, false];
  }
}

describe("sync.Map", () => {
  it("matches the reference map on random calls (TestMapMatchesRWMutex)", () => {
    const rand = (() => {
      let s = 1;
      return (n: number) => ((s = (s * 1103515245 + 12345) % 2147483648), s % n);
    })();
    const randValue = () => "abcd".slice(0, rand(4)).replace(/./g, () => "abcdefghij"[rand(10)]!);
    for (let trial = 0; trial < 100; trial++) {
      const ref = new Map<string, string>();
      const m = new sync.Map<string, string>();
      for (let i = 0; i < 50; i++) {
        const op = ops[rand(ops.length)]!;
        const k = randValue();
        const v = randValue();
        expect(applySync(m, op, k, v, i)).toEqual(applyReference(ref, op, k, v));
      }
      const final = new Map<string, string>();
      m.range((k, v) => (final.set(k, v), true));
      expect(final).toEqual(ref);
    }
  });

  it("range visits every key once while others store and load (TestConcurrentRange)", async () => {
    await synctest.run(async () => {
      const mapSize = 1 << 8;
      const m = new sync.Map<number, number>();
      for (let n = 1; n <= mapSize; n++) m.store(n, n);
      let stop = false;
      const wg = new sync.WaitGroup();
      for (let g = 1; g <= 4; g++)
        wg.go(async () => {
          for (let i = 1; !stop; i++) {
            for (let n = 1; n < mapSize; n++) {
              if ((n * i * g) % 7 === 0) m.store(n, n * i * g);
              else m.load(n);
            }
            await gosched();
          }
        });
      for (let iter = 0; iter < 16; iter++) {
        const seen = new Set<number>();
        m.range((k, v) => {
          expect(v % k).toBe(0);
          expect(seen.has(k)).toBe(false);
          seen.add(k);
          return true;
        });
        expect(seen.size).toBe(mapSize);
        await gosched();
      }
      stop = true;
      await wg.wait();
    });
  });

  it("allows nested range with stores and deletes (TestMapRangeNestedCall)", () => {
    const m = new sync.Map<number, string>();
    ["hello", "world", "Go"].forEach((v, i) => m.store(i, v));
    m.range((key, value) => {
      m.range((k, v) => {
        expect(m.load(k)).toEqual([v, true]);
        expect(m.loadOrStore(42, "dummy")[1]).toBe(false);
        m.store(42, "sync.Map");
        expect(m.loadAndDelete(42)).toEqual(["sync.Map", true]);
        return true;
      });
      expect(value).toBeTypeOf("string");
      m.delete(key);
      return true;
    });
    let length = 0;
    m.range(() => (length++, true));
    expect(length).toBe(0);
  });

  it("range stops when f returns false", () => {
    const m = new sync.Map<number, number>();
    for (let i = 0; i < 10; i++) m.store(i, i);
    let n = 0;
    m.range(() => ++n < 3);
    expect(n).toBe(3);
  });

  it("compareAndSwap on a missing key fails (TestCompareAndSwap_NonExistingKey)", () => {
    const m = new sync.Map<unknown, unknown>();
    expect(m.compareAndSwap(m, undefined, 42)).toBe(false);
    expect(m.compareAndDelete(m, undefined)).toBe(false);
  });

  it("delete and clear (TestMapDelete, TestMapClear)", () => {
    const m = new sync.Map<string, number>();
    m.store("go", 1.22);
    expect(m.load("go")).toEqual([1.22, true]);
    m.delete("go");
    expect(m.load("go")).toEqual([undefined, false]);
    m.store("go", 1.21);
    m.clear();
    expect(m.load("go")).toEqual([undefined, false]);
    m.store("go", 1.21);
    expect(m.load("go")).toEqual([1.21, true]);
  });

  it("ends empty after concurrent store, load and clear (TestConcurrentClear)", async () => {
    await synctest.run(async () => {
      const m = new sync.Map<number, number>();
      const wg = new sync.WaitGroup();
      for (let i = 0; i < 10; i++) {
        wg.go(() => m.store(i, i * 10));
        wg.go(() => void m.load(i));
        wg.go(() => m.clear());
      }
      await wg.wait();
      m.clear();
      m.range((k, v) => {
        throw new Error(`after clear, range yielded (${k}, ${v})`);
      });
    });
  });
});
