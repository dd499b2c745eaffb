// Ported from golang.org/x/sync/singleflight/singleflight_test.go.
import { describe, it, expect } from "vitest";
import { go, makeChan, panic, GoPanic } from "go";
import { WaitGroup } from "go/sync";
import * as time from "go/time";
import * as errors from "go/errors";
import * as singleflight from "go/x/sync/singleflight";
import * as synctest from "go/testing/synctest";

describe("singleflight.Group", () => {
  it("do returns fn's value (TestDo)", async () => {
    await synctest.run(async () => {
      const g = new singleflight.Group<string>();
      expect(await g.do("key", () => "bar")).toEqual(["bar", null, false]);
    });
  });

  it("do returns fn's error (TestDoErr)", async () => {
    await synctest.run(async () => {
      const g = new singleflight.Group<string>();
      const someErr = errors.newError("Some error");
      const [v, err] = await g.do("key", () => {
        throw someErr;
      });
      expect(err).toBe(someErr);
      expect(v).toBeUndefined();
    });
  });

  it("suppresses duplicate calls (TestDoDupSuppress)", async () => {
    await synctest.explore(
      async () => {
        const g = new singleflight.Group<string>();
        const wg1 = new WaitGroup();
        const wg2 = new WaitGroup();
        const c = makeChan<string>(1);
        let calls = 0;
        const fn = async () => {
          if (++calls === 1) wg1.done(); // first invocation
          const v = (await c.recv())!;
          await c.send(v); // pump; make available for any future calls
          await time.sleep(10 * time.Millisecond); // let more goroutines enter do
          return v;
        };
        const n = 10;
        wg1.add(1);
        for (let i = 0; i < n; i++) {
          wg1.add(1);
          wg2.go(async () => {
            wg1.done();
            const [v, err] = await g.do("key", fn);
            expect(err).toBeNull();
            expect(v).toBe("bar");
          });
        }
        await wg1.wait();
        // At least one goroutine is in fn now and all of them have at least
        // reached the line before the do.
        await c.send("bar");
        await wg2.wait();
        expect(calls).toBeGreaterThan(0);
        expect(calls).toBeLessThan(n);
      },
      { seeds: 20 },
    );
  });

  it("forget lets a later call run, without breaking the earlier one (TestForget)", async () => {
    await synctest.run(async () => {
      const g = new singleflight.Group<number>();
      const firstStarted = makeChan<void>();
      const unblockFirst = makeChan<void>();
      const firstFinished = makeChan<void>();
      go(async () => {
        await g.do("key", async () => {
          firstStarted.close();
          await unblockFirst.recv();
          firstFinished.close();
          return 1;
        });
      });
      await firstStarted.recv();
      g.forget("key");
      const unblockSecond = makeChan<void>();
      const secondResult = g.doChan("key", async () => {
        await unblockSecond.recv();
        return 2;
      });
      unblockFirst.close();
      await firstFinished.recv();
      const thirdResult = g.doChan("key", () => 3);
      unblockSecond.close();
      await secondResult.recv();
      const [v] = (await thirdResult.recv())!;
      expect(v).toBe(2); // the third call joined the second
    });
  });

  it("doChan delivers the result on a channel (TestDoChan)", async () => {
    await synctest.run(async () => {
      const g = new singleflight.Group<string>();
      const ch = g.doChan("key", () => "bar");
      expect(await ch.recv()).toEqual(["bar", null, false]);
    });
  });

  it("doChan registers its key at once: a do right after joins it (ExampleGroup)", async () => {
    await synctest.explore(
      async () => {
        const g = new singleflight.Group<string>();
        const block = makeChan<void>();
        const res1c = g.doChan("key", async () => {
          await block.recv();
          return "func 1";
        });
        const res2c = g.doChan("key", async () => {
          await block.recv();
          return "func 2";
        });
        let ranDo = false;
        const done = makeChan<singleflight.Result<string>>(1);
        go(async () =>
          done.send(
            await g.do("key", () => {
              ranDo = true;
              return "do";
            }),
          ),
        );
        await synctest.wait(); // the do is waiting on the call doChan registered
        block.close();
        const res1 = (await res1c.recv())!;
        const res2 = (await res2c.recv())!;
        expect(res2[2]).toBe(true); // Shared
        expect(res1[0]).toBe(res2[0]);
        expect(res1[0]).toBe("func 1");
        expect(await done.recv()).toEqual(["func 1", null, true]);
        expect(ranDo).toBe(false);
      },
      { seeds: 20 },
    );
  });

  it("a panic in fn reaches every caller of do, with the same value (TestPanicDo)", async () => {
    await synctest.run(async () => {
      const g = new singleflight.Group();
      const fn = async () => {
        await time.sleep(time.Millisecond); // let the others join
        panic("invalid memory address or nil pointer dereference");
      };
      const n = 5;
      const wg = new WaitGroup();
      const recovered: unknown[] = [];
      for (let i = 0; i < n; i++)
        wg.go(async () => {
          try {
            await g.do("key", fn);
          } catch (e) {
            recovered.push((e as GoPanic).value);
          }
        });
      await wg.wait();
      expect(recovered).toHaveLength(n);
      expect(new Set(recovered).size).toBe(1); // the same value everywhere
      const pe = recovered[0] as Error;
      expect(pe).toBeInstanceOf(Error);
      expect(pe.message).toBe("invalid memory address or nil pointer dereference");
    });
  });

  it("the panic value unwraps to an error panic value (TestPanicErrorUnwrap)", async () => {
    await synctest.run(async () => {
      const g = new singleflight.Group();
      const errValue = errors.newError("error value");
      for (const [panicValue, wraps] of [
        ["string value", false],
        [errValue, true],
      ] as const) {
        let recovered: unknown;
        try {
          await g.do(String(panicValue), () => panic(panicValue));
        } catch (e) {
          recovered = (e as GoPanic).value;
        }
        expect(recovered).toBeInstanceOf(Error);
        expect(errors.is(recovered as Error, errValue)).toBe(wraps);
      }
    });
  });

  it("a panic in doChan's fn crashes the bubble; nobody can recover it (TestPanicDoChan)", async () => {
    const err = await synctest
      .run(async () => {
        const g = new singleflight.Group();
        const ch = g.doChan("", () => panic("Panicking in DoChan"));
        try {
          await ch.recv();
        } catch {
          // recover() cannot catch a panic of another goroutine
        }
        throw new Error("DoChan unexpectedly returned");
      })
      .catch((e: Error) => e);
    expect(String(err)).toMatch(/^GoPanic: panic: Panicking in DoChan/);
    expect(String(err)).not.toMatch(/unexpectedly/);
  });

  it("a panic in do shared by a doChan crashes the bubble (TestPanicDoSharedByDoChan)", async () => {
    const err = await synctest
      .run(async () => {
        const blocked = makeChan<void>();
        const unblock = makeChan<void>();
        const g = new singleflight.Group();
        go(async () => {
          try {
            await g.do("", async () => {
              blocked.close();
              await unblock.recv();
              panic("Panicking in Do");
            });
          } catch {
            // recovered in vain: the panic goes on in a new goroutine
          }
        });
        await blocked.recv();
        const ch = g.doChan("", () => panic("DoChan unexpectedly executed callback"));
        unblock.close();
        await ch.recv();
        throw new Error("DoChan unexpectedly returned");
      })
      .catch((e: Error) => e);
    expect(String(err)).toMatch(/^GoPanic: panic: Panicking in Do\b/);
    expect(String(err)).not.toMatch(/unexpectedly/);
  });
});
