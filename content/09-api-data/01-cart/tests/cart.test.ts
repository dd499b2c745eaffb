import { describe, expect, it } from "vitest";
import { go } from "go";
import { newRecorder, newRequest } from "go/net/http/httptest";
import { WaitGroup } from "go/sync";
import { explore, run } from "go/testing/synctest";
import * as time from "go/time";
import { newAPI } from "./api";
import { Carts, ErrInvalidQuantity } from "./cart";
import { DB } from "./db";

/** ms prints a duration in milliseconds, for messages. */
const ms = (d: time.Duration) => `${d / time.Millisecond}ms`;
const show = (v: unknown) => (v instanceof Error ? `Error(${JSON.stringify(v.message)})` : JSON.stringify(v));

/** together runs every fn in its own goroutine, as concurrent requests, and waits for all. */
async function together(...fns: (() => Promise<unknown>)[]): Promise<void> {
  const wg = new WaitGroup();
  for (const fn of fns) {
    wg.add(1);
    go(async () => {
      try {
        await fn();
      } finally {
        wg.done();
      }
    });
  }
  await wg.wait();
}

describe("Task 1: a cart that writes through", () => {
  it("add, setQuantity and remove change the cart", async () => {
    await run(async () => {
      const carts = new Carts(new DB());
      expect(await carts.add("bob", "mug", 2), "add 2 mugs to an empty cart").toEqual([{ mug: 2 }, null]);
      expect(await carts.add("bob", "mug", 3), "add 3 more mugs: quantities add up").toEqual([{ mug: 5 }, null]);
      expect(await carts.add("bob", "socks", 1), "add socks").toEqual([{ mug: 5, socks: 1 }, null]);
      expect(await carts.setQuantity("bob", "mug", 1), "setQuantity replaces the quantity").toEqual([
        { mug: 1, socks: 1 },
        null,
      ]);
      expect(await carts.setQuantity("bob", "socks", 0), "setQuantity 0 removes the line").toEqual([{ mug: 1 }, null]);
      expect(await carts.remove("bob", "mug"), "remove drops the line").toEqual([{}, null]);
      expect(await carts.get("bob"), "get returns the cart").toEqual({});
    });
  });

  it("loads a returning user's saved cart on first use, once", async () => {
    await run(async () => {
      const db = new DB({ alice: { mug: 2 } });
      const carts = new Carts(db);
      expect(await carts.get("alice"), "alice's saved cart comes from the DB").toEqual({ mug: 2 });
      expect(await carts.add("alice", "socks", 1), "add to the saved cart, not to an empty one").toEqual([
        { mug: 2, socks: 1 },
        null,
      ]);
      await carts.get("alice");
      expect(db.loads, `the DB was loaded ${db.loads} times; load a user's cart once, then keep it in memory`).toBe(1);
    });
  });

  it("when a change returns, the DB already has it", async () => {
    await run(async () => {
      const db = new DB({ alice: { mug: 2 } });
      const carts = new Carts(db);
      let start = time.now();
      await carts.add("alice", "socks", 1);
      let took = time.since(start);
      expect(db.peek("alice"), "write-through: add returns only after db.save has stored the change").toEqual({
        mug: 2,
        socks: 1,
      });
      expect(took, `the first add took ${ms(took)}: one load (5ms) and one save (20ms)`).toBe(25 * time.Millisecond);
      start = time.now();
      await carts.setQuantity("alice", "mug", 7);
      await carts.remove("alice", "socks");
      took = time.since(start);
      expect(db.peek("alice"), "setQuantity and remove are written through too").toEqual({ mug: 7 });
      expect(took, `two more changes took ${ms(took)}: one save (20ms) each, no more loads`).toBe(
        40 * time.Millisecond,
      );
    });
  });

  it("refuses bad quantities with ErrInvalidQuantity and changes nothing", async () => {
    await run(async () => {
      const db = new DB({ alice: { mug: 60 } });
      const carts = new Carts(db);
      const bad: [string, () => Promise<[unknown, Error | null]>][] = [
        ["add 0", () => carts.add("alice", "mug", 0)],
        ["add -1", () => carts.add("alice", "socks", -1)],
        ["add 1.5", () => carts.add("alice", "socks", 1.5)],
        ["add 40 to 60 mugs (99 at most)", () => carts.add("alice", "mug", 40)],
        ["setQuantity 100", () => carts.setQuantity("alice", "mug", 100)],
        ["setQuantity -2", () => carts.setQuantity("alice", "mug", -2)],
      ];
      for (const [what, op] of bad) {
        const [items, err] = await op();
        expect(err, `${what}: got ${show(err)}; return the ErrInvalidQuantity sentinel`).toBe(ErrInvalidQuantity);
        expect(items, `${what}: a refused change returns the cart as it was`).toEqual({ mug: 60 });
      }
      expect(await carts.get("alice"), "refused changes leave the cart in memory alone").toEqual({ mug: 60 });
      expect(db.saved, "refused changes are never saved").toEqual([]);
      expect(await carts.add("alice", "mug", 39), "60 + 39 = 99 is allowed").toEqual([{ mug: 99 }, null]);
    });
  });

  it("get returns a copy the caller cannot use to change the cart", async () => {
    await run(async () => {
      const db = new DB({ alice: { mug: 1 } });
      const carts = new Carts(db);
      const got = await carts.get("alice");
      got.mug = 50;
      const [added] = await carts.add("alice", "socks", 1);
      added.socks = 99;
      expect(await carts.get("alice"), "callers changed the objects they got back; return copies").toEqual({
        mug: 1,
        socks: 1,
      });
      expect(db.peek("alice"), "the DB has only the real changes").toEqual({ mug: 1, socks: 1 });
    });
  });
});

describe("Task 2: concurrent requests from one user", () => {
  it("five concurrent adds to a cart not loaded yet lose nothing", async () => {
    await explore(async () => {
      const db = new DB({ alice: { mug: 1 } });
      const carts = new Carts(db);
      const results: (Error | null)[] = [];
      const add = async () => results.push((await carts.add("alice", "mug", 1))[1]);
      await together(add, add, add, add, add);
      expect(results, "every add succeeds").toEqual([null, null, null, null, null]);
      expect(await carts.get("alice"), "1 saved mug + 5 concurrent adds; an update was lost").toEqual({ mug: 6 });
      expect(db.peek("alice"), "the DB must hold the same cart as memory").toEqual({ mug: 6 });
    });
  });

  it("saves land in the order the changes were made, even when the DB answers out of order", async () => {
    await explore(async () => {
      // The 1st save takes 30ms, the 2nd 10ms, the 3rd 20ms: saves in flight together land out of order.
      const lat = [30, 10, 20];
      const db = new DB({}, { writeLatency: (n) => lat[n % 3] * time.Millisecond });
      const carts = new Carts(db);
      await carts.get("alice"); // loaded
      await together(
        () => carts.add("alice", "mug", 1),
        () => carts.add("alice", "socks", 2),
        () => carts.add("alice", "hoodie", 1),
      );
      const want = { mug: 1, socks: 2, hoodie: 1 };
      expect(await carts.get("alice"), "memory holds every change").toEqual(want);
      expect(
        db.peek("alice"),
        `memory and DB disagree after the saves landed as ${show(db.saved.map((s) => Object.keys(s.items).length))} lines: hold the user's lock across db.save`,
      ).toEqual(want);
    });
  });

  it("the 99 limit holds under concurrent adds", async () => {
    await explore(async () => {
      const db = new DB();
      const carts = new Carts(db);
      const errs: (Error | null)[] = [];
      const add40 = async () => errs.push((await carts.add("alice", "mug", 40))[1]);
      await together(add40, add40, add40);
      const refused = errs.filter((e) => e === ErrInvalidQuantity).length;
      expect(refused, `three adds of 40: exactly one must be refused (80 + 40 > 99), got ${show(errs)}`).toBe(1);
      expect(await carts.get("alice"), "two adds of 40 went through").toEqual({ mug: 80 });
      expect(db.peek("alice"), "the DB agrees with memory").toEqual({ mug: 80 });
    });
  });

  it("concurrent requests through the HTTP API", async () => {
    await explore(
      async () => {
        const db = new DB({ alice: { mug: 1 } });
        const api = newAPI(new Carts(db));
        const statuses: number[] = [];
        const post = async () => {
          const w = newRecorder();
          await api.serveHTTP(w, newRequest("POST", "/users/alice/cart/items", '{"sku":"mug","quantity":2}'));
          statuses.push(w.result().statusCode);
        };
        const put = async () => {
          const w = newRecorder();
          await api.serveHTTP(w, newRequest("PUT", "/users/alice/cart/items/socks", '{"quantity":3}'));
          statuses.push(w.result().statusCode);
        };
        await together(post, post, put, post);
        expect(statuses, "every request is answered 200").toEqual([200, 200, 200, 200]);
        const w = newRecorder();
        await api.serveHTTP(w, newRequest("GET", "/users/alice/cart"));
        const res = w.result();
        expect(
          JSON.parse(await res.text()),
          "GET /users/alice/cart after 3 POSTs of 2 mugs and a PUT of socks",
        ).toEqual({ mug: 7, socks: 3 });
        expect(db.peek("alice"), "the DB agrees with what the client sees").toEqual({ mug: 7, socks: 3 });
      },
      { seeds: 30 },
    );
  });
});

describe("Task 3: failed saves and other users", () => {
  it("a failed save returns the DB's error and changes nothing", async () => {
    await run(async () => {
      const db = new DB({ alice: { mug: 1 } });
      const carts = new Carts(db);
      await carts.get("alice");
      db.failWrites("alice");
      const [items, err] = await carts.add("alice", "socks", 1);
      expect(err?.message, "add must return the error db.save returned").toMatch(/connection reset/);
      expect(items, "a failed add returns the cart as it was").toEqual({ mug: 1 });
      expect(await carts.get("alice"), "memory must not keep a change the DB refused").toEqual({ mug: 1 });
      const [, err2] = await carts.setQuantity("alice", "mug", 5);
      expect(err2?.message, "setQuantity returns the DB's error too").toMatch(/connection reset/);
      expect(await carts.get("alice"), "memory is still the saved cart").toEqual({ mug: 1 });
      db.failWrites("alice", false);
      expect(await carts.add("alice", "socks", 1), "once the DB is back, changes work again").toEqual([
        { mug: 1, socks: 1 },
        null,
      ]);
      expect(db.peek("alice"), "and reach the DB").toEqual({ mug: 1, socks: 1 });
    });
  });

  it("a failed save does not break the next request waiting for the lock", async () => {
    await explore(async () => {
      const db = new DB({ alice: { mug: 1 } });
      const carts = new Carts(db);
      await carts.get("alice");
      db.failWrites("alice");
      time.afterFunc(30 * time.Millisecond, () => db.failWrites("alice", false));
      // The first save fails at 20ms; the second starts after it and succeeds at 40ms.
      const errs: string[] = [];
      const add = async () => {
        const [, err] = await carts.add("alice", "mug", 1);
        errs.push(err ? "failed" : "ok");
      };
      await together(add, async () => {
        await time.sleep(time.Millisecond);
        await add();
      });
      expect(errs, "the first add fails, the one waiting behind it succeeds").toEqual(["failed", "ok"]);
      expect(await carts.get("alice"), "one add went through").toEqual({ mug: 2 });
      expect(db.peek("alice"), "memory and DB agree").toEqual({ mug: 2 });
    });
  });

  it("users do not wait for each other", async () => {
    await explore(async () => {
      // alice's saves take 30ms, bob's 10ms.
      const db = new DB({}, { writeLatency: (_n, user) => (user === "alice" ? 30 : 10) * time.Millisecond });
      const carts = new Carts(db);
      await carts.get("alice");
      await carts.get("bob");
      const took: Record<string, time.Duration> = {};
      const start = time.now();
      await together(
        async () => {
          await carts.add("alice", "mug", 1);
          took.alice = time.since(start);
        },
        async () => {
          await carts.add("bob", "mug", 1);
          took.bob = time.since(start);
        },
      );
      expect(
        [ms(took.alice), ms(took.bob)],
        "alice's add takes 30ms and bob's 10ms at the same time: one lock per user, not one for everybody",
      ).toEqual(["30ms", "10ms"]);
    });
  });
});
