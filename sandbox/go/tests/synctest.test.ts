import { describe, it, expect } from "vitest";
import { go, makeChan, select } from "go";
import { WaitGroup } from "go/sync";
import * as time from "go/time";
import * as synctest from "go/testing/synctest";
import { setTraceListener } from "go/internal/trace";
import type { Trace } from "go/internal/trace";
import { setLocationResolver } from "go/internal/location";

describe("virtual time", () => {
  it("sleeping a minute takes no real time", async () => {
    const t0 = Date.now();
    const rep = await synctest.run(async () => {
      await time.sleep(time.Minute);
      expect(synctest.elapsed()).toBe(time.Minute);
      expect(time.now().toString()).toBe("2000-01-01 00:01:00 +0000 UTC");
    });
    expect(Date.now() - t0).toBeLessThan(500);
    expect(rep.virtualNs).toBe(time.Minute);
  });

  it("10 parallel 1s jobs take 1s of virtual time", async () => {
    const rep = await synctest.run(async () => {
      const wg = new WaitGroup();
      for (let i = 0; i < 10; i++) wg.go(() => time.sleep(time.Second));
      await wg.wait();
      expect(synctest.elapsed()).toBe(1000 * time.Millisecond);
    });
    expect(rep.peakGoroutines).toBe(11);
  });

  it("timers fire in deadline order; stop and reset", async () => {
    await synctest.run(async () => {
      const order: string[] = [];
      time.afterFunc(300 * time.Millisecond, () => void order.push("c"));
      time.afterFunc(100 * time.Millisecond, () => void order.push("a"));
      const t = time.afterFunc(200 * time.Millisecond, () => void order.push("never"));
      expect(t.stop()).toBe(true);
      expect(t.stop()).toBe(false);
      const t2 = time.newTimer(50 * time.Millisecond);
      expect(t2.reset(150 * time.Millisecond)).toBe(true);
      await t2.c.recv();
      order.push(`t2@${time.durationString(synctest.elapsed())}`);
      await time.sleep(500 * time.Millisecond);
      expect(order).toEqual(["a", "t2@150ms", "c"]);
    });
  });

  it("tickers tick every period until stopped", async () => {
    await synctest.run(async () => {
      const tk = time.newTicker(100 * time.Millisecond);
      const start = time.now();
      const at: string[] = [];
      for (let i = 0; i < 3; i++) at.push(time.durationString((await tk.c.recv())!.sub(start)));
      tk.stop();
      expect(at).toEqual(["100ms", "200ms", "300ms"]);
      const r = await select(
        tk.c.recvCase(() => "tick"),
        time.after(1000 * time.Millisecond).recvCase(() => "quiet"),
      );
      expect(r).toBe("quiet");
    });
  });

  it("since and until", async () => {
    await synctest.run(async () => {
      const start = time.now();
      await time.sleep(1500 * time.Millisecond);
      expect(time.since(start)).toBe(1500 * time.Millisecond);
      expect(time.until(start.add(2 * time.Second))).toBe(500 * time.Millisecond);
    });
  });
});

describe("failures", () => {
  it("deadlock lists every goroutine with where it blocked and was created", async () => {
    const err = await synctest
      .run(async () => {
        const ch = makeChan<number>();
        go(() => ch.send(1), "worker-2");
        await time.sleep(10 * time.Millisecond);
        await ch.send(2);
        await ch.send(3);
      })
      .catch((e: Error) => e);
    expect(err).toBeInstanceOf(Error);
    const msg = (err as Error).message;
    expect(msg).toMatch(/^fatal error: all goroutines are asleep - deadlock!\n\n/);
    expect(msg).toMatch(
      /goroutine 1 "main" \[chan send\]:\n\tblocked at synctest\.test\.ts:\d+\n\tcreated by synctest\.run/,
    );
    expect(msg).toMatch(
      /goroutine 2 "worker-2" \[chan send\]:\n\tblocked at synctest\.test\.ts:\d+\n\tcreated by goroutine 1 at synctest\.test\.ts:\d+/,
    );
    const rep = (err as Error & { report: synctest.RunReport }).report;
    expect(rep.trace.outcome).toBe("deadlock");
  });

  it("leaked goroutines fail the run unless allowLeaks", async () => {
    const leaky = async () => {
      const ch = makeChan<number>();
      go(() => ch.send(1), "orphan");
      go(() => makeChan<number>().recv());
      go(() => time.sleep(time.Hour));
      await time.sleep(1 * time.Millisecond);
    };
    // Go 1.25: the clock stops when main returns, so the sleeper is stuck too.
    await expect(synctest.run(leaky)).rejects.toThrow(
      /^panic: deadlock: main bubble goroutine has exited but blocked goroutines remain \(3 goroutines\)\n\ngoroutine 2 "orphan" \[chan send\]:\n\tblocked at synctest\.test\.ts:\d+\n\tcreated by goroutine 1 at synctest\.test\.ts:\d+\n\ngoroutine 3 \[chan receive\][\s\S]*goroutine 4 \[sleep\]/,
    );
    await synctest.run(leaky, { allowLeaks: true });
  });

  it("after main returns, goroutines run until they block, but the clock is stopped (Go 1.25)", async () => {
    let ran = 0;
    const rep = await synctest.run(async () => {
      const ch = makeChan<number>();
      go(async () => {
        await time.sleep(0);
        ran++;
        ch.close();
      });
      go(async () => {
        await ch.recv();
        ran++;
      });
    });
    expect(ran).toBe(2);
    expect(rep.virtualNs).toBe(0);
    const err = await synctest
      .run(async () => {
        go(async () => {
          await time.sleep(time.Hour);
          ran++;
        }, "sleeper");
      })
      .catch((e: Error) => e);
    expect(String(err)).toMatch(
      /main bubble goroutine has exited but blocked goroutines remain[\s\S]*"sleeper" \[sleep\]/,
    );
    expect((err as Error & { report: synctest.RunReport }).report.virtualNs).toBe(0);
    expect(ran).toBe(2);
  });

  it("a ticker nobody reads does not keep a leaked goroutine's run going forever", async () => {
    await expect(
      synctest.run(async () => {
        time.newTicker(time.Second);
        go(() => makeChan<number>().recv(), "stuck");
      }),
    ).rejects.toThrow(/blocked goroutines remain \(1 goroutine\)[\s\S]*"stuck" \[chan receive\]/);
  });

  it("an exception thrown by main is rethrown as is", async () => {
    const e = new TypeError("bad");
    await expect(
      synctest.run(() => {
        throw e;
      }),
    ).rejects.toBe(e);
  });

  it("an exception in another goroutine is a panic", async () => {
    await expect(
      synctest.run(async () => {
        go(() => {
          throw new RangeError("out of range");
        });
        await time.sleep(1 * time.Millisecond);
      }),
    ).rejects.toThrow(/^panic: RangeError: out of range\n\ngoroutine 2/);
  });

  it("nested bubbles are rejected", async () => {
    await synctest.run(async () => {
      await expect(synctest.run(() => undefined)).rejects.toThrow(/inside another bubble/);
    });
  });

  it("a run that never finishes is abandoned by the next one", async () => {
    const stuck = synctest.run(async () => {
      await new Promise(() => {}); // a foreign promise that never settles
    });
    await new Promise((r) => setTimeout(r, 5));
    await synctest.run(async () => {
      await time.sleep(1 * time.Millisecond);
    });
    // The abandoned run stays pending (its test already failed by timeout).
    expect(
      await Promise.race([
        stuck.then(
          () => "settled",
          () => "settled",
        ),
        Promise.resolve("pending"),
      ]),
    ).toBe("pending");
  });
});

describe("exploration", () => {
  const racyWithdraw = async () => {
    let balance = 100;
    const wg = new WaitGroup();
    for (let i = 0; i < 2; i++)
      wg.go(async () => {
        if (balance >= 80) {
          await time.sleep(0);
          balance -= 80;
        }
      });
    await wg.wait();
    expect(balance).toBeGreaterThanOrEqual(0);
  };

  it("explore finds a check-then-act race and names the seed", async () => {
    const err = await synctest.explore(racyWithdraw, { seeds: 100 }).catch((e: Error) => e);
    expect(err).toBeInstanceOf(Error);
    const m = /failed with seed (\d+)/.exec((err as Error).message);
    expect(m).not.toBeNull();
    expect((err as Error).message).toMatch(/synctest\.run\(fn, \{ seed: \d+ \}\)/);
    // Replaying the seed reproduces the failure.
    await expect(synctest.run(racyWithdraw, { seed: Number(m![1]) })).rejects.toThrow();
  });

  it("a race across a channel send is found too", async () => {
    const racy = async () => {
      let stock = 1;
      const log = makeChan<string>(10);
      const wg = new WaitGroup();
      for (let i = 0; i < 2; i++)
        wg.go(async () => {
          if (stock > 0) {
            await log.send(`buyer ${i}`);
            stock--;
          }
        });
      await wg.wait();
      expect(stock).toBe(0);
    };
    await expect(synctest.explore(racy)).rejects.toThrow(/failed with seed/);
  });

  it("the same seed gives the same interleaving", async () => {
    const order = async (seed: number) => {
      const out: number[] = [];
      await synctest.run(
        async () => {
          const wg = new WaitGroup();
          for (let i = 0; i < 6; i++)
            wg.go(async () => {
              for (let k = 0; k < 3; k++) {
                await time.sleep(0);
                out.push(i);
              }
            });
          await wg.wait();
        },
        { seed },
      );
      return out.join("");
    };
    expect(await order(7)).toBe(await order(7));
    const distinct = new Set<string>();
    for (let s = 1; s <= 10; s++) distinct.add(await order(s));
    expect(distinct.size).toBeGreaterThan(5);
  });

  // Seeds run without recording where operations start; a failing seed is
  // replayed with it, so explore's diagnostics name lines as run()'s do.
  const deadlockOnSeed3 = async () => {
    const ch = makeChan<number>();
    if (synctest.seed() === 3) await ch.send(1);
  };

  it("explore's deadlock dump names the blocked line, as run's does", async () => {
    const traces: Trace[] = [];
    setTraceListener((t) => traces.push(t));
    try {
      const err = (await synctest.explore(deadlockOnSeed3, { seeds: 5 }).catch((e: Error) => e)) as Error;
      const direct = (await synctest.run(deadlockOnSeed3, { seed: 3 }).catch((e: Error) => e)) as Error;
      expect(err.message).toMatch(/failed with seed 3 \(run 3 of 5\)/);
      expect(err.message).toMatch(/goroutine 1 "main" \[chan send\]:\n\tblocked at synctest\.test\.ts:\d+\n/);
      expect(err.message.endsWith(direct.message)).toBe(true);
      expect(
        traces.map((t) => t.label),
        "one trace per seed tried: the replay adds none",
      ).toEqual(["explore seed 1", "explore seed 2", "explore seed 3", "synctest.run"]);
    } finally {
      setTraceListener(null);
    }
  });

  it("explore's forgotten await names the operation's line", async () => {
    const err = (await synctest
      .explore(
        async () => {
          const ch = makeChan<number>(1);
          void ch.send(1);
          await ch.recv();
        },
        { seeds: 2 },
      )
      .catch((e: Error) => e)) as Error;
    expect(err.message).toMatch(/chan send at synctest\.test\.ts:\d+ was not awaited \(forgot await\?\)/);
  });

  it("a failure that does not replay keeps its first diagnosis", async () => {
    let runs = 0;
    const err = (await synctest
      .explore(
        async () => {
          // Deadlocks the first time only: the replay passes.
          if (runs++ === 0) await makeChan<number>().recv();
        },
        { seeds: 3 },
      )
      .catch((e: Error) => e)) as Error;
    expect(runs).toBe(2);
    expect(err.message).toMatch(
      /failed with seed 1[\s\S]*all goroutines are asleep - deadlock![\s\S]*\[chan receive\]/,
    );
    expect(err.message, "recorded without locations").not.toMatch(/blocked at/);
  });

  it("a failed expect is not replayed", async () => {
    let runs = 0;
    const err = (await synctest
      .explore(
        () => {
          runs++;
          expect(1).toBe(2);
        },
        { seeds: 3 },
      )
      .catch((e: Error) => e)) as Error;
    expect(runs).toBe(1);
    expect(err.message).toMatch(/failed with seed 1[\s\S]*expected 1 to be 2/);
  });

  it("explore passes when every seed passes", async () => {
    await synctest.explore(async () => {
      const ch = makeChan<number>();
      go(() => ch.send(1));
      expect(await ch.recv()).toBe(1);
    });
  });
});

describe("stats and trace", () => {
  it("gauge measures peak concurrency of a region", async () => {
    await synctest.run(async () => {
      const g = synctest.gauge();
      const sem = makeChan<void>(3);
      const wg = new WaitGroup();
      for (let i = 0; i < 10; i++)
        wg.go(async () => {
          await sem.send(undefined);
          await g.track(() => time.sleep(100 * time.Millisecond));
          await sem.recv();
        });
      await wg.wait();
      expect(g.peak).toBe(3);
      expect(g.total).toBe(10);
      expect(synctest.elapsed()).toBe(400 * time.Millisecond);
      expect(synctest.peakGoroutines()).toBe(11);
      expect(synctest.goroutines()).toBe(1);
    });
  });

  it("records a trace and hands it to the listener", async () => {
    const traces: Trace[] = [];
    setTraceListener((t) => traces.push(t));
    try {
      const rep = await synctest.run(
        async () => {
          const ch = makeChan<string>();
          go(async () => {
            await time.sleep(5 * time.Millisecond);
            await ch.send("hello");
          }, "sender");
          await ch.recv();
          ch.close();
        },
        { label: "trace test" },
      );
      await synctest.run(() => select()).catch(() => undefined);
      expect(traces.length).toBe(2);
      const t = traces[0]!;
      expect(t).toBe(rep.trace);
      expect(t.label).toBe("trace test");
      expect(t.outcome).toBe("ok");
      expect(traces[1]!.outcome).toBe("deadlock");
      expect(t.goroutines).toEqual([
        { id: 1, name: "main" },
        { id: 2, name: "sender", parent: 1, location: expect.stringMatching(/^synctest\.test\.ts:\d+$/) },
      ]);
      const kinds = t.events.map((e) => `${e.g}:${e.kind}${e.block ? `(${e.block})` : ""}`);
      expect(kinds).toContain("1:block(chan receive)");
      expect(kinds).toContain("2:block(sleep)");
      expect(t.events).toContainEqual({
        t: 5 * time.Millisecond,
        g: 2,
        kind: "send",
        chan: 1,
        value: '"hello"',
        peer: 1,
      });
      expect(t.events).toContainEqual({
        t: 5 * time.Millisecond,
        g: 1,
        kind: "recv",
        chan: 1,
        value: '"hello"',
        peer: 2,
      });
      expect(t.events).toContainEqual({ t: 5 * time.Millisecond, g: 1, kind: "close", chan: 1 });
      expect(t.events.some((e) => e.kind === "timer")).toBe(true);
      expect(
        t.events
          .filter((e) => e.kind === "end")
          .map((e) => e.g)
          .sort(),
      ).toEqual([1, 2]);
      expect(t.endTime).toBe(5 * time.Millisecond);
    } finally {
      setTraceListener(null);
    }
  });

  it("caps the trace and marks it truncated", async () => {
    const rep = await synctest.run(async () => {
      const ch = makeChan<number>();
      go(async () => {
        for (let i = 0; i < 15000; i++) await ch.send(i);
        ch.close();
      });
      for await (const _ of ch) void _;
    });
    expect(rep.trace.truncated).toBe(true);
    expect(rep.trace.events.length).toBe(20000);
  });

  it("uses the installed location resolver", async () => {
    setLocationResolver(() => "learner.ts:42");
    try {
      await expect(synctest.run(async () => void (await makeChan<number>().recv()))).rejects.toThrow(
        /blocked at learner\.ts:42/,
      );
    } finally {
      setLocationResolver(null);
    }
  });

  it("synctest.wait returns once the others are durably blocked", async () => {
    await synctest.run(async () => {
      const ch = makeChan<number>();
      let stage = 0;
      go(async () => {
        stage = 1;
        await ch.recv();
        stage = 2;
      });
      await synctest.wait();
      expect(stage).toBe(1);
      await ch.send(0);
      await synctest.wait();
      expect(stage).toBe(2);
      expect(synctest.elapsed()).toBe(0);
    });
  });
});
