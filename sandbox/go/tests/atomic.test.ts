// go/sync/atomic, ported from Go's src/sync/atomic/{atomic,value}_test.go
// where single-threaded JavaScript can express them.
import { describe, it, expect } from "vitest";
import { GoPanic, gosched } from "go";
import * as atomic from "go/sync/atomic";
import { WaitGroup } from "go/sync";
import * as synctest from "go/testing/synctest";

describe("atomic integers", () => {
  it("Int32 adds, swaps, compares and wraps like int32 (TestAddInt32, TestSwapInt32, TestCompareAndSwapInt32)", () => {
    const x = new atomic.Int32();
    let j = 0;
    for (let delta = 1; delta + delta > delta && delta < 2 ** 31; delta += delta) {
      const k = x.add(delta);
      j += delta;
      expect([x.load(), k]).toEqual([j | 0, j | 0]);
    }
    x.store(2 ** 31 - 1);
    expect(x.add(1)).toBe(-(2 ** 31));
    expect(x.swap(5)).toBe(-(2 ** 31));
    expect(x.compareAndSwap(4, 6)).toBe(false);
    expect(x.compareAndSwap(5, 6)).toBe(true);
    expect(x.load()).toBe(6);
    expect(x.and(0b100)).toBe(6);
    expect(x.or(0b001)).toBe(4);
    expect(x.load()).toBe(5);
  });

  it("Uint32 wraps modulo 2^32; add(-1) decrements (Go: Add(^uint32(0)))", () => {
    const x = new atomic.Uint32();
    expect(x.add(-1)).toBe(2 ** 32 - 1);
    expect(x.add(1)).toBe(0);
    x.store(-2);
    expect(x.load()).toBe(2 ** 32 - 2);
    expect(x.or(1)).toBe(2 ** 32 - 2);
    expect(x.load()).toBe(2 ** 32 - 1);
  });

  it("Int64 and Uint64 are exact in the safe range and wrap at the 64-bit limits", () => {
    const x = new atomic.Int64();
    expect(x.add(Number.MAX_SAFE_INTEGER)).toBe(Number.MAX_SAFE_INTEGER);
    expect(x.add(-Number.MAX_SAFE_INTEGER)).toBe(0);
    x.store(2 ** 63 - 1); // rounds to 2^63, which int64 wraps to its minimum
    expect(x.load()).toBe(-(2 ** 63));
    const u = new atomic.Uint64();
    expect(u.add(-1)).toBe(2 ** 64 - 1);
    expect(u.add(1)).toBe(0);
    expect(u.swap(7)).toBe(0);
    expect(u.compareAndSwap(7, 9)).toBe(true);
    expect(u.and(8)).toBe(9);
    expect(u.load()).toBe(8);
  });

  it("panics on a non-integer", () => {
    expect(() => new atomic.Int32().add(0.5)).toThrow(GoPanic);
    expect(() => new atomic.Int64().store(1.5)).toThrow(/non-integer/);
  });

  it("a counter shared by goroutines never loses an update (TestAddInt64 hammer)", async () => {
    await synctest.explore(
      async () => {
        const n = new atomic.Int64();
        const wg = new WaitGroup();
        for (let g = 0; g < 8; g++)
          wg.go(async () => {
            for (let i = 0; i < 50; i++) {
              n.add(1);
              await gosched();
            }
          });
        await wg.wait();
        expect(n.load()).toBe(400);
      },
      { seeds: 10 },
    );
  });
});

describe("atomic.Bool and Pointer", () => {
  it("Bool swaps and compares", () => {
    const b = new atomic.Bool();
    expect(b.load()).toBe(false);
    expect(b.compareAndSwap(false, true)).toBe(true);
    expect(b.compareAndSwap(false, true)).toBe(false);
    expect(b.swap(false)).toBe(true);
    b.store(true);
    expect(b.load()).toBe(true);
  });

  it("Pointer holds a reference or null (TestPointer)", () => {
    const p = new atomic.Pointer<{ n: number }>();
    expect(p.load()).toBeNull();
    const a = { n: 1 };
    const b = { n: 1 };
    p.store(a);
    expect(p.load()).toBe(a);
    expect(p.compareAndSwap(b, b)).toBe(false); // identity, not equal contents
    expect(p.compareAndSwap(a, b)).toBe(true);
    expect(p.swap(null)).toBe(b);
    expect(p.load()).toBeNull();
  });
});

describe("atomic.Value (value_test.go)", () => {
  it("loads undefined before the first store (TestValue, TestValueLarge)", () => {
    const v = new atomic.Value();
    expect(v.load()).toBeUndefined();
    v.store(42);
    expect(v.load()).toBe(42);
    v.store(84);
    expect(v.load()).toBe(84);
    const s = new atomic.Value<string>();
    s.store("foo");
    s.store("barbaz");
    expect(s.load()).toBe("barbaz");
  });

  it("panics on nil and on another type (TestValuePanic)", () => {
    const v = new atomic.Value();
    const nilErr = "sync/atomic: store of nil value into Value";
    const badErr = "sync/atomic: store of inconsistently typed value into Value";
    expect(() => v.store(null)).toThrow(nilErr);
    v.store(42);
    expect(() => v.store("foo")).toThrow(badErr);
    expect(() => v.store(undefined)).toThrow(nilErr);
    class A {}
    class B {}
    const o = new atomic.Value<object>();
    o.store(new A());
    expect(() => o.store(new B())).toThrow(badErr);
    o.store(new A());
  });

  const swapTests: { init: unknown; new: unknown; want?: unknown; err?: string }[] = [
    { init: undefined, new: undefined, err: "sync/atomic: swap of nil value into Value" },
    { init: undefined, new: true, want: undefined },
    { init: true, new: "", err: "sync/atomic: swap of inconsistently typed value into Value" },
    { init: true, new: false, want: true },
  ];
  swapTests.forEach((tt, i) =>
    it(`swap case ${i} (TestValue_Swap)`, () => {
      const v = new atomic.Value();
      if (tt.init !== undefined) v.store(tt.init);
      if (tt.err) {
        expect(() => v.swap(tt.new)).toThrow(tt.err);
        return;
      }
      expect(v.swap(tt.new)).toBe(tt.want);
      expect(v.load()).toBe(tt.new);
    }),
  );

  const casTests: { init: unknown; new: unknown; old: unknown; want?: boolean; err?: string }[] = [
    { init: undefined, new: undefined, old: undefined, err: "sync/atomic: compare and swap of nil value into Value" },
    {
      init: undefined,
      new: true,
      old: "",
      err: "sync/atomic: compare and swap of inconsistently typed values into Value",
    },
    { init: undefined, new: true, old: true, want: false },
    { init: undefined, new: true, old: undefined, want: true },
    {
      init: true,
      new: "",
      old: undefined,
      err: "sync/atomic: compare and swap of inconsistently typed value into Value",
    },
    { init: true, new: true, old: false, want: false },
    { init: true, new: true, old: true, want: true },
  ];
  casTests.forEach((tt, i) =>
    it(`compareAndSwap case ${i} (TestValue_CompareAndSwap)`, () => {
      const v = new atomic.Value();
      if (tt.init !== undefined) v.store(tt.init);
      if (tt.err) expect(() => v.compareAndSwap(tt.old, tt.new)).toThrow(tt.err);
      else expect(v.compareAndSwap(tt.old, tt.new)).toBe(tt.want);
    }),
  );

  it("goroutines counting up with compareAndSwap reach the end (TestValueCompareAndSwapConcurrent)", async () => {
    await synctest.run(async () => {
      const v = new atomic.Value<number>();
      v.store(0);
      const m = 20;
      const n = 10;
      const wg = new WaitGroup();
      for (let i = 0; i < m; i++)
        wg.go(async () => {
          for (let j = i; j < m * n; await gosched()) {
            if (v.compareAndSwap(j, j + 1)) j += m;
          }
        });
      await wg.wait();
      expect(v.load()).toBe(m * n);
    });
  });
});
