// Durations and Time values, ported from Go's time/time_test.go and
// internal/synctest/synctest_test.go (TestNow, TestMonotonicClock).
import { describe, it, expect } from "vitest";
import { go } from "go";
import * as time from "go/time";
import * as synctest from "go/testing/synctest";

describe("Duration", () => {
  it("is an integer number of nanoseconds", () => {
    expect(time.Nanosecond).toBe(1);
    expect(time.Microsecond).toBe(1_000);
    expect(time.Millisecond).toBe(1_000_000);
    expect(time.Second).toBe(1e9);
    expect(time.Minute).toBe(60e9);
    expect(time.Hour).toBe(3600e9);
  });

  it("adds up exactly", () => {
    expect(100 * time.Millisecond + 200 * time.Millisecond).toBe(300 * time.Millisecond);
    let d = 0;
    for (let i = 0; i < 1000; i++) d += time.Microsecond;
    expect(d).toBe(time.Millisecond);
    let s = 0;
    for (let i = 0; i < 10; i++) s += 100 * time.Millisecond;
    expect(s).toBe(time.Second);
    expect(3 * 333_333_333 * time.Nanosecond + time.Nanosecond).toBe(time.Second);
  });

  // Go: time_test.go durationTests (the ±(1<<63) extremes do not fit a JS number exactly).
  const durationTests: Array<[string, time.Duration]> = [
    ["0s", 0],
    ["1ns", 1 * time.Nanosecond],
    ["1.1µs", 1100 * time.Nanosecond],
    ["2.2ms", 2200 * time.Microsecond],
    ["3.3s", 3300 * time.Millisecond],
    ["4m5s", 4 * time.Minute + 5 * time.Second],
    ["4m5.001s", 4 * time.Minute + 5001 * time.Millisecond],
    ["5h6m7.001s", 5 * time.Hour + 6 * time.Minute + 7001 * time.Millisecond],
    ["8m0.000000001s", 8 * time.Minute + 1 * time.Nanosecond],
    ["1h0m0s", time.Hour],
    ["150ms", 150 * time.Millisecond],
  ];
  for (const [want, d] of durationTests) {
    it(`durationString gives ${want}`, () => {
      expect(time.durationString(d)).toBe(want);
      if (d !== 0) expect(time.durationString(-d)).toBe("-" + want);
    });
  }
});

describe("Time", () => {
  it("a bubble starts at 2000-01-01 00:00:00 UTC and goroutines share its clock (Go: TestNow)", async () => {
    await synctest.run(async () => {
      const start = time.unix(946684800, 0);
      expect(time.now().equal(start)).toBe(true);
      expect(time.now().toString()).toBe("2000-01-01 00:00:00 +0000 UTC");
      expect(time.now().unixNano()).toBe(946684800000000000n);
      go(() => {
        expect(time.now().equal(start)).toBe(true);
      });
      await time.sleep(1 * time.Second);
      expect(time.now().equal(start.add(1 * time.Second))).toBe(true);
    });
  });

  it("since and sub agree after a sleep (Go: TestMonotonicClock)", async () => {
    await synctest.run(async () => {
      const start = time.now();
      const wait = 1 * time.Second;
      await time.sleep(wait);
      expect(time.since(start)).toBe(wait);
      expect(time.now().sub(start)).toBe(wait);
    });
  });

  it("keeps nanoseconds exact far from the epoch", () => {
    const t = time.unix(1_700_000_000, 123_456_789);
    expect(t.add(time.Nanosecond).sub(t)).toBe(1);
    expect(t.add(-2 * time.Second).unix()).toBe(1_699_999_998);
    expect(t.unixMilli()).toBe(1_700_000_000_123);
    expect(t.unixMicro()).toBe(1_700_000_000_123_456);
    expect(t.toString()).toBe("2023-11-14 22:13:20.123456789 +0000 UTC");
    expect(time.unixMilli(1500).equal(time.unix(1, 500 * time.Millisecond))).toBe(true);
  });

  it("compares with before, after, equal and compare", () => {
    const a = time.unix(10, 0);
    const b = a.add(time.Nanosecond);
    expect([a.before(b), a.after(b), b.after(a), a.equal(time.unix(9, time.Second))]).toEqual([
      true,
      false,
      true,
      true,
    ]);
    expect([a.compare(b), b.compare(a), a.compare(a)]).toEqual([-1, 1, 0]);
  });

  it("the zero Time is year 1", () => {
    const z = time.Time.zero();
    expect(z.isZero()).toBe(true);
    expect(z.toString()).toBe("0001-01-01 00:00:00 +0000 UTC");
    expect(time.unix(0, 0).isZero()).toBe(false);
  });

  it("outside a bubble now() is the real clock", () => {
    const before = Date.now();
    const t = time.now().unixMilli();
    expect(t).toBeGreaterThanOrEqual(before);
    expect(t).toBeLessThanOrEqual(Date.now());
  });

  it("fractional durations are truncated to whole nanoseconds, like Go's Duration(f)", async () => {
    await synctest.run(async () => {
      await time.sleep(1.9);
      expect(synctest.elapsed()).toBe(1);
    });
  });
});
