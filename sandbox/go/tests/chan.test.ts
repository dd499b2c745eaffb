import { describe, it, expect } from "vitest";
import { go, makeChan, nilChan, select, defaultCase, panic, numGoroutine, gosched } from "go";
import * as time from "go/time";
import * as synctest from "go/testing/synctest";

describe("channels", () => {
  it("unbuffered send completes only when a receiver takes the value", async () => {
    await synctest.run(async () => {
      const ch = makeChan<number>();
      const log: string[] = [];
      go(async () => {
        await ch.send(1);
        log.push("sent");
      });
      await time.sleep(time.Second);
      expect(log).toEqual([]);
      expect(await ch.recv()).toBe(1);
      await synctest.wait();
      expect(log).toEqual(["sent"]);
    });
  });

  it("buffered channels are FIFO and block when full", async () => {
    await synctest.run(async () => {
      const ch = makeChan<number>(2);
      await ch.send(1);
      await ch.send(2);
      expect(ch.len()).toBe(2);
      expect(ch.cap()).toBe(2);
      let third = false;
      go(async () => {
        await ch.send(3);
        third = true;
      });
      await synctest.wait();
      expect(third).toBe(false);
      expect(await ch.recv()).toBe(1);
      await synctest.wait();
      expect(third).toBe(true);
      expect(await ch.recv()).toBe(2);
      expect(await ch.recv()).toBe(3);
    });
  });

  it("serves blocked senders and receivers in arrival order", async () => {
    await synctest.run(async () => {
      const ch = makeChan<string>();
      for (const name of ["a", "b", "c"]) {
        go(() => ch.send(name));
        await synctest.wait(); // make arrival order explicit
      }
      expect([await ch.recv(), await ch.recv(), await ch.recv()]).toEqual(["a", "b", "c"]);

      const got: string[] = [];
      for (const name of ["x", "y"]) {
        go(async () => {
          got.push(`${name}=${await ch.recv()}`);
        });
        await synctest.wait();
      }
      await ch.send("1");
      await ch.send("2");
      await synctest.wait();
      expect(got).toEqual(["x=1", "y=2"]);
    });
  });

  it("receive on a closed drained channel yields undefined, false", async () => {
    await synctest.run(async () => {
      const ch = makeChan<number>(1);
      await ch.send(7);
      ch.close();
      expect(await ch.recvOk()).toEqual([7, true]);
      expect(await ch.recvOk()).toEqual([undefined, false]);
      expect(await ch.recv()).toBeUndefined();
    });
  });

  it("close wakes blocked receivers", async () => {
    await synctest.run(async () => {
      const ch = makeChan<number>();
      const res: Array<[number | undefined, boolean]> = [];
      for (let i = 0; i < 3; i++) go(async () => void res.push(await ch.recvOk()));
      await synctest.wait();
      ch.close();
      await synctest.wait();
      expect(res).toEqual([
        [undefined, false],
        [undefined, false],
        [undefined, false],
      ]);
    });
  });

  it("ranges with for await until closed and drained", async () => {
    await synctest.run(async () => {
      const ch = makeChan<number>(3);
      go(async () => {
        for (let i = 0; i < 5; i++) await ch.send(i);
        ch.close();
      });
      const got: number[] = [];
      for await (const v of ch) got.push(v);
      expect(got).toEqual([0, 1, 2, 3, 4]);
    });
  });

  it("send on a closed channel panics", async () => {
    await expect(
      synctest.run(async () => {
        const ch = makeChan<number>(1);
        ch.close();
        await ch.send(1);
      }),
    ).rejects.toThrow(/^panic: send on closed channel\n\ngoroutine 1 \[running\]:\n\tat chan\.test\.ts:\d+/);
  });

  it("a sender blocked when the channel is closed panics", async () => {
    await expect(
      synctest.run(async () => {
        const ch = makeChan<number>();
        go(() => ch.send(1), "sender");
        await synctest.wait();
        ch.close();
        await time.sleep(1 * time.Millisecond);
      }),
    ).rejects.toThrow(/panic: send on closed channel\n\ngoroutine 2 "sender" \[running\]/);
  });

  it("close of closed channel and of nil channel panic", async () => {
    await expect(
      synctest.run(() => {
        const ch = makeChan<number>();
        ch.close();
        ch.close();
      }),
    ).rejects.toThrow(/^panic: close of closed channel/);
    await expect(synctest.run(() => nilChan<number>().close())).rejects.toThrow(/^panic: close of nil channel/);
  });

  it("panic() ends the bubble with the message and location", async () => {
    const err = await synctest
      .run(async () => {
        go(() => panic("boom"), "worker");
        await time.sleep(1 * time.Millisecond);
      })
      .catch((e: Error) => e);
    expect(String(err)).toMatch(
      /panic: boom\n\ngoroutine 2 "worker" \[running\]:\n\tat chan\.test\.ts:\d+\n\tcreated by goroutine 1 at chan\.test\.ts:\d+/,
    );
  });

  it("nil channels block forever", async () => {
    await expect(
      synctest.run(async () => {
        await nilChan<number>().recv();
      }),
    ).rejects.toThrow(/deadlock![\s\S]*goroutine 1 "main" \[nil chan\]/);
  });
});

describe("select", () => {
  it("runs default only when no case is ready", async () => {
    await synctest.run(async () => {
      const ch = makeChan<number>(1);
      expect(
        await select(
          ch.recvCase((v) => `got ${v}`),
          defaultCase(() => "none"),
        ),
      ).toBe("none");
      await ch.send(5);
      expect(
        await select(
          ch.recvCase((v) => `got ${v}`),
          defaultCase(() => "none"),
        ),
      ).toBe("got 5");
    });
  });

  it("picks uniformly at random among ready cases, reproducibly per seed", async () => {
    const counts = async (seed: number) => {
      const c = { a: 0, b: 0 };
      await synctest.run(
        async () => {
          const a = makeChan<number>(1000);
          const b = makeChan<number>(1000);
          for (let i = 0; i < 1000; i++) {
            await a.send(i);
            await b.send(i);
          }
          for (let i = 0; i < 1000; i++) {
            await select(
              a.recvCase(() => c.a++),
              b.recvCase(() => c.b++),
            );
          }
        },
        { seed },
      );
      return c;
    };
    const c1 = await counts(3);
    expect(c1.a).toBeGreaterThan(420);
    expect(c1.b).toBeGreaterThan(420);
    expect(await counts(3)).toEqual(c1);
    expect(await counts(4)).not.toEqual(c1);
  });

  it("blocks until exactly one case proceeds", async () => {
    await synctest.run(async () => {
      const a = makeChan<number>();
      const b = makeChan<number>();
      const out = makeChan<string>();
      go(async () => {
        const r = await select(
          a.recvCase((v) => `a${v}`),
          b.recvCase((v) => `b${v}`),
        );
        await out.send(r);
      });
      await synctest.wait();
      await b.send(2);
      expect(await out.recv()).toBe("b2");
      // The select no longer waits on a: a send on a now blocks.
      const r = await select(
        a.sendCase(1, () => "sent"),
        defaultCase(() => "would block"),
      );
      expect(r).toBe("would block");
    });
  });

  it("supports send cases and timeouts", async () => {
    await synctest.run(async () => {
      const ch = makeChan<number>();
      const start = time.now();
      const r = await select(
        ch.sendCase(1, () => "sent"),
        time.after(2 * time.Second).recvCase(() => "timeout"),
      );
      expect(r).toBe("timeout");
      expect(time.since(start)).toBe(2 * time.Second);
      go(async () => void (await ch.recv()));
      const r2 = await select(
        ch.sendCase(1, () => "sent"),
        time.after(time.Second).recvCase(() => "timeout"),
      );
      expect(r2).toBe("sent");
    });
  });

  it("reports closed channels in recv cases with ok=false", async () => {
    await synctest.run(async () => {
      const ch = makeChan<number>();
      go(async () => {
        await time.sleep(10 * time.Millisecond);
        ch.close();
      });
      expect(await select(ch.recvCase((v, ok) => [v, ok]))).toEqual([undefined, false]);
    });
  });

  it("select with no cases blocks forever", async () => {
    await expect(synctest.run(() => select())).rejects.toThrow(/\[select \(no cases\)\]/);
  });

  it("awaits a callback's promise", async () => {
    await synctest.run(async () => {
      const ch = makeChan<number>(1);
      await ch.send(1);
      const r = await select(
        ch.recvCase(async (v) => {
          await time.sleep(5 * time.Millisecond);
          return (v ?? 0) + 1;
        }),
      );
      expect(r).toBe(2);
      expect(synctest.elapsed()).toBe(5 * time.Millisecond);
    });
  });
});

describe("goroutines", () => {
  it("go() outside a bubble throws a clear error", () => {
    expect(() => go(() => undefined)).toThrow(/only inside synctest\.run/);
  });

  it("counts goroutines", async () => {
    await synctest.run(async () => {
      expect(numGoroutine()).toBe(1);
      const ch = makeChan<void>();
      for (let i = 0; i < 3; i++) go(() => ch.recv());
      expect(numGoroutine()).toBe(4);
      ch.close();
      await synctest.wait();
      expect(numGoroutine()).toBe(1);
      await gosched();
    });
  });

  it("reports a forgotten await", async () => {
    await expect(
      synctest.run(async () => {
        const ch = makeChan<number>(2);
        void ch.send(1);
        await ch.send(2);
      }),
    ).rejects.toThrow(
      /^panic: chan send at chan\.test\.ts:\d+ was not awaited \(forgot await\?\): goroutine 1 went on to chan send while it was still pending/,
    );
  });

  it("waits for goroutines awaiting foreign promises before advancing time", async () => {
    await synctest.run(async () => {
      let done = false;
      go(async () => {
        await new Promise((r) => setTimeout(r, 20));
        done = true;
      });
      await time.sleep(5 * time.Millisecond);
      expect(done).toBe(true);
      expect(synctest.elapsed()).toBe(5 * time.Millisecond);
    });
  });

  it("main may await foreign promises", async () => {
    await synctest.run(async () => {
      const ch = makeChan<number>();
      go(() => ch.send(42));
      await new Promise((r) => setTimeout(r, 5));
      expect(await ch.recv()).toBe(42);
    });
  });
});

describe("select hand-offs", () => {
  it("a select that proceeds on one channel does not consume from the others", async () => {
    await synctest.run(async () => {
      const a = makeChan<string>();
      const b = makeChan<string>();
      const got = makeChan<string>(2);
      go(async () => {
        await got.send(
          await select(
            a.recvCase((v) => `a:${v}`),
            b.recvCase((v) => `b:${v}`),
          ),
        );
      }, "selector");
      await synctest.wait();
      let aSent = false;
      let bSent = false;
      go(async () => {
        await a.send("1");
        aSent = true;
      }, "sender-a");
      go(async () => {
        await b.send("2");
        bSent = true;
      }, "sender-b");
      await synctest.wait();
      // Exactly one sender completed; the other is still blocked.
      expect(Number(aSent) + Number(bSent)).toBe(1);
      const first = await got.recv();
      expect(first).toBe(aSent ? "a:1" : "b:2");
      // Drain the blocked one so nothing leaks.
      expect(await (aSent ? b : a).recv()).toBe(aSent ? "2" : "1");
    });
  });
});
