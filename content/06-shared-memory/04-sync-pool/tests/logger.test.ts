import { describe, it, expect } from "vitest";
import { gosched } from "go";
import { WaitGroup } from "go/sync";
import * as synctest from "go/testing/synctest";
import * as time from "go/time";
import { Buffer } from "./buffer";
import { Logger, bufPool, format, maxPooledCap } from "./logger";
import type { Writer } from "./writer";

/** Schedules tried per explore: enough to catch every variant in variants/, few enough to keep a Run quick. */
const SEEDS = { seeds: 30 };

const text = (p: Uint8Array) => new TextDecoder().decode(p);
const show = (v: unknown) => JSON.stringify(v);

/**
 * A writer that reads p for a while (1, 2 or 3 scheduler turns in turn, so
 * other goroutines run meanwhile) and reports bytes that change under it.
 * With sleep it waits in virtual time instead.
 */
class FakeWriter implements Writer {
  readonly lines: string[] = [];
  readonly problems: string[] = [];
  private calls = 0;

  constructor(private readonly sleep = false) {}

  async write(p: Uint8Array): Promise<void> {
    const before = text(p);
    const turns = 1 + (this.calls++ % 3);
    if (this.sleep) await time.sleep(turns * time.Millisecond);
    else for (let i = 0; i < turns; i++) await gosched();
    const after = text(p);
    if (after !== before)
      this.problems.push(
        `${show(before)} changed to ${show(after)} while being written: its buffer was reused too early`,
      );
    this.lines.push(before);
  }
}

/** Runs every fn in its own goroutine and waits for all of them. */
async function all(fns: (() => Promise<void>)[]): Promise<void> {
  const wg = new WaitGroup();
  for (const fn of fns) wg.go(fn);
  await wg.wait();
}

describe("Task 1: format reuses a buffer and returns bytes the caller owns", () => {
  it("formats LEVEL msg and a newline", async () => {
    await synctest.run(() => {
      const line = format("INFO", "server started");
      expect(text(line), "format(INFO, server started)").toBe("INFO server started\n");
    });
  });

  it("an earlier result never changes", async () => {
    await synctest.run(() => {
      const first = format("INFO", "first request served");
      const second = format("WARN", "slow disk");
      expect(
        text(first),
        `the first line now reads ${show(text(first))}: it shares memory with a buffer that went back to the pool (return a copy)`,
      ).toBe("INFO first request served\n");
      expect(text(second), "the second line").toBe("WARN slow disk\n");
    });
  });

  it("a reused buffer carries nothing over from its last user", async () => {
    await synctest.run(() => {
      format("INFO", "a long line from an earlier request");
      const short = format("WARN", "disk");
      expect(text(short), `got ${show(text(short))}: reset a buffer you take from the pool`).toBe("WARN disk\n");
    });
  });

  it("100 formats in a row reuse the pooled buffer", async () => {
    await synctest.run(() => {
      const before = Buffer.allocated;
      for (let i = 0; i < 100; i++) format("INFO", `request ${i}`);
      const n = Buffer.allocated - before;
      expect(n, `100 formats allocated ${n} buffers: get from bufPool and put the buffer back`).toBeLessThanOrEqual(2);
      expect(n, "the pool starts empty here, so its new function makes the first buffer").toBeGreaterThanOrEqual(1);
    });
  });
});

describe("Task 2: log puts the buffer back only after the write", () => {
  it("writes the line and returns once it is written", async () => {
    await synctest.run(async () => {
      const w = new FakeWriter(true);
      await new Logger(w).log("ERROR", "payment failed");
      expect(w.lines, "when log returns the writer has the line").toEqual(["ERROR payment failed\n"]);
    });
  });

  it("concurrent logs: every line arrives whole, under every schedule", async () => {
    await synctest.explore(async () => {
      const w = new FakeWriter();
      const logger = new Logger(w);
      const msgs = Array.from({ length: 8 }, (_, i) => `request ${i} took ${10 * i}ms`);
      await all(msgs.map((m) => () => logger.log("INFO", m)));
      expect(
        w.problems,
        `${w.problems.length} log line(s) changed while being written (seed ${synctest.seed()}), listed below`,
      ).toEqual([]);
      expect([...w.lines].sort(), `the writer got ${show(w.lines)} (seed ${synctest.seed()})`).toEqual(
        msgs.map((m) => `INFO ${m}\n`).sort(),
      );
    }, SEEDS);
  });

  it("20 logs in a row reuse pooled buffers", async () => {
    await synctest.run(async () => {
      const logger = new Logger(new FakeWriter());
      const before = Buffer.allocated;
      for (let i = 0; i < 20; i++) await logger.log("DEBUG", `tick ${i}`);
      const n = Buffer.allocated - before;
      expect(
        n,
        `20 logs allocated ${n} buffers: log must take its buffer from bufPool and put it back`,
      ).toBeLessThanOrEqual(2);
    });
  });
});

describe("Task 3: huge buffers are not pooled", () => {
  const huge = "x".repeat(100_000);

  it("format drops a buffer that grew beyond maxPooledCap", async () => {
    await synctest.run(() => {
      format("INFO", "small");
      format("INFO", huge);
      const next: Buffer | undefined = bufPool.get();
      const cap = next?.cap() ?? 0;
      expect(
        cap,
        `the pool handed out a buffer of ${cap} bytes; a buffer over ${maxPooledCap} must be dropped`,
      ).toBeLessThanOrEqual(maxPooledCap);
    });
  });

  it("log drops it too", async () => {
    await synctest.run(async () => {
      const w = new FakeWriter();
      await new Logger(w).log("INFO", huge);
      expect(w.lines[0]?.length, "the huge line is written whole").toBe(huge.length + 6);
      const next: Buffer | undefined = bufPool.get();
      const cap = next?.cap() ?? 0;
      expect(
        cap,
        `the pool handed out a buffer of ${cap} bytes; a buffer over ${maxPooledCap} must be dropped`,
      ).toBeLessThanOrEqual(maxPooledCap);
    });
  });
});
