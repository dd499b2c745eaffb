import { describe, expect, it } from "vitest";
import { go } from "go";
import * as errors from "go/errors";
import type { Header } from "go/net/http";
import { newRecorder, newRequest } from "go/net/http/httptest";
import { WaitGroup } from "go/sync";
import { explore, run } from "go/testing/synctest";
import { newAPI } from "./api";
import { DB, ErrOutOfStock, ErrUnknownProduct } from "./db";
import { placeOrder } from "./order";

const show = (v: unknown) => (v instanceof Error ? `Error(${JSON.stringify(v.message)})` : JSON.stringify(v));

/** shop returns a DB with mugs (1250 cents, 5 left) and socks (700 cents, 1 left). */
const shop = () => new DB({ mug: { price: 1250, stock: 5 }, socks: { price: 700, stock: 1 } });

/** expectUntouched checks that a failed order left no trace: stock back, no order, no open transaction. */
function expectUntouched(db: DB, what: string) {
  expect([db.stock("mug"), db.stock("socks")], `${what}: the stock must be back to 5 mugs and 1 socks`).toEqual([5, 1]);
  expect(db.orders, `${what}: no order may be stored`).toEqual([]);
  expect(db.open, `${what}: ${db.open} transaction(s) left open; roll back on every path`).toBe(0);
}

describe("Task 1: one order, one transaction", () => {
  it("reserves every line, inserts the order and commits", async () => {
    await run(async () => {
      const db = shop();
      const [order, err] = await placeOrder(db, "alice", [
        { sku: "mug", quantity: 2 },
        { sku: "socks", quantity: 1 },
      ]);
      expect(err, `got ${show(err)}; the order should go through`).toBe(null);
      expect(order, "the order as inserted, priced in cents").toEqual({
        id: 1,
        user: "alice",
        lines: [
          { sku: "mug", quantity: 2 },
          { sku: "socks", quantity: 1 },
        ],
        total: 3200,
      });
      expect(db.log, "what the database saw").toEqual([
        "tx1 begin",
        "tx1 reserve mug 2",
        "tx1 reserve socks 1",
        "tx1 insert order 1",
        "tx1 commit",
      ]);
      expect([db.stock("mug"), db.stock("socks"), db.orders.length], "stock taken and the order stored").toEqual([
        3, 0, 1,
      ]);
      expect(db.open, "the transaction is committed").toBe(0);
    });
  });

  it("rolls back when a line is out of stock", async () => {
    await run(async () => {
      const db = shop();
      const [order, err] = await placeOrder(db, "alice", [
        { sku: "mug", quantity: 2 },
        { sku: "socks", quantity: 3 },
      ]);
      expect(order, "no order when a line is out of stock").toBe(null);
      expect(errors.is(err, ErrOutOfStock), `got ${show(err)}; return reserve's error (it wraps ErrOutOfStock)`).toBe(
        true,
      );
      expect(db.log, "the mugs reserved before the socks failed must be given back by a rollback").toEqual([
        "tx1 begin",
        "tx1 reserve mug 2",
        "tx1 reserve socks 3: out of stock",
        "tx1 rollback",
      ]);
      expectUntouched(db, "out of stock");
    });
  });

  it("rolls back on an unknown product", async () => {
    await run(async () => {
      const db = shop();
      const [, err] = await placeOrder(db, "alice", [
        { sku: "mug", quantity: 1 },
        { sku: "hoodie", quantity: 1 },
      ]);
      expect(errors.is(err, ErrUnknownProduct), `got ${show(err)}; return reserve's error`).toBe(true);
      expectUntouched(db, "unknown product");
    });
  });

  it("rolls back when the insert fails", async () => {
    await run(async () => {
      const db = shop();
      const boom = errors.new("db: insert failed: disk full");
      db.failNext("insert", boom);
      const [order, err] = await placeOrder(db, "alice", [{ sku: "mug", quantity: 2 }]);
      expect([order, err], "the insert's error is returned, with no order").toEqual([null, boom]);
      expect(db.log.at(-1), "the last statement must be the rollback").toBe("tx1 rollback");
      expectUntouched(db, "failed insert");
    });
  });

  it("returns the commit's error, never an order that was not stored", async () => {
    await run(async () => {
      const db = shop();
      const boom = errors.new("db: commit failed: serialization failure");
      db.failNext("commit", boom);
      const [order, err] = await placeOrder(db, "alice", [{ sku: "mug", quantity: 2 }]);
      expect(err, `got ${show(err)}; a failed commit means no order: return its error`).toBe(boom);
      expect(order, "an order whose commit failed does not exist").toBe(null);
      expectUntouched(db, "failed commit");
    });
  });

  it("rolls back when the driver panics", async () => {
    await run(async () => {
      const db = shop();
      const boom = errors.new("driver: bad connection");
      db.failNext("reserve", boom, true);
      const thrown = await placeOrder(db, "alice", [{ sku: "mug", quantity: 2 }]).then(
        () => null,
        (e: unknown) => e,
      );
      expect(thrown, "the panic passes through to the caller").toBe(boom);
      expect(db.log, "Go's defer tx.Rollback() runs on a panic too: a finally, not a call on each return").toEqual([
        "tx1 begin",
        "tx1 rollback",
      ]);
      expectUntouched(db, "panic");
    });
  });

  it("returns begin's error", async () => {
    await run(async () => {
      const db = shop();
      const boom = errors.new("db: too many connections");
      db.failNext("begin", boom);
      expect(await placeOrder(db, "alice", [{ sku: "mug", quantity: 1 }]), "no transaction, no order").toEqual([
        null,
        boom,
      ]);
      expectUntouched(db, "failed begin");
    });
  });
});

/** What the client received, read from w.result(). */
interface Reply {
  status: number;
  header: Header;
  body: unknown;
}

/** post sends POST /orders to api and returns what the client received. */
async function post(
  api: { serveHTTP(w: ReturnType<typeof newRecorder>, r: ReturnType<typeof newRequest>): unknown },
  body: unknown,
  headers: Record<string, string>,
): Promise<Reply> {
  const r = newRequest("POST", "/orders", typeof body === "string" ? body : JSON.stringify(body));
  r.header.set("Content-Type", "application/json");
  for (const [k, v] of Object.entries(headers)) r.header.set(k, v);
  const w = newRecorder();
  await api.serveHTTP(w, r);
  const res = w.result();
  const text = await res.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = `not JSON: ${text}`;
  }
  return { status: res.statusCode, header: res.header, body: parsed };
}

const twoMugs = { lines: [{ sku: "mug", quantity: 2 }] };
const alice = (key: string) => ({ "X-User": "alice", "Idempotency-Key": key });

describe("Task 2: POST /orders with an Idempotency-Key", () => {
  it("creates the order: 201, Location and the order", async () => {
    await run(async () => {
      const db = shop();
      const res = await post(newAPI(db), twoMugs, alice("k1"));
      expect(res.status, `POST /orders answered ${res.status}; a created order is 201`).toBe(201);
      expect(res.header.get("Location"), "the client learns where the order lives").toBe("/orders/1");
      expect(res.body, "the order").toEqual({ id: 1, user: "alice", lines: twoMugs.lines, total: 2500 });
    });
  });

  it("answers 409 when out of stock and 422 for an unknown product", async () => {
    await run(async () => {
      const db = shop();
      const api = newAPI(db);
      const out = await post(api, { lines: [{ sku: "socks", quantity: 2 }] }, alice("k1"));
      expect([out.status, out.body], "2 socks when 1 is left").toEqual([409, { error: "socks: out of stock" }]);
      const unknown = await post(api, { lines: [{ sku: "hoodie", quantity: 1 }] }, alice("k2"));
      expect([unknown.status, unknown.body], "a product the shop does not sell").toEqual([
        422,
        { error: "hoodie: unknown product" },
      ]);
      expectUntouched(db, "refused orders");
    });
  });

  it("refuses requests without X-User or Idempotency-Key before touching the database", async () => {
    await run(async () => {
      const db = shop();
      const api = newAPI(db);
      const noUser = await post(api, twoMugs, { "Idempotency-Key": "k1" });
      const noKey = await post(api, twoMugs, { "X-User": "alice" });
      expect([noUser.status, noKey.status], "no user is 401; no Idempotency-Key is 400").toEqual([401, 400]);
      expect(db.log, "nothing reaches the database").toEqual([]);
    });
  });

  it("a retry with the same key and body gets the stored response and creates nothing", async () => {
    await run(async () => {
      const db = shop();
      const api = newAPI(db);
      const first = await post(api, twoMugs, alice("k1"));
      const retry = await post(api, twoMugs, alice("k1"));
      expect([retry.status, retry.body], "the retry gets the same status and body as the first request").toEqual([
        first.status,
        first.body,
      ]);
      expect(retry.header.get("Content-Type"), "the replay is JSON too").toBe("application/json");
      expect(db.orders.length, `${db.orders.length} orders for one Idempotency-Key`).toBe(1);
      expect(db.log.filter((l) => l.endsWith("begin")).length, "a replay never starts a transaction").toBe(1);
      const out1 = await post(api, { lines: [{ sku: "socks", quantity: 5 }] }, alice("k2"));
      const out2 = await post(api, { lines: [{ sku: "socks", quantity: 5 }] }, alice("k2"));
      expect([out2.status, out2.body], "a 409 out of stock is a final answer and is replayed too").toEqual([
        out1.status,
        out1.body,
      ]);
      expect(db.log.filter((l) => l.endsWith("begin")).length, "the replayed 409 did not run again").toBe(2);
    });
  });

  it("the same key with a different body is refused with 422", async () => {
    await run(async () => {
      const db = shop();
      const api = newAPI(db);
      await post(api, twoMugs, alice("k1"));
      const other = await post(api, { lines: [{ sku: "mug", quantity: 3 }] }, alice("k1"));
      expect(other.status, `a reused key with another body answered ${other.status}; refuse it with 422`).toBe(422);
      expect(db.orders.length, "the different request must not create an order").toBe(1);
      expect(db.stock("mug"), "only the first request's 2 mugs are reserved").toBe(3);
    });
  });
});

describe("Task 3: duplicates, retries and users", () => {
  it("concurrent duplicates create exactly one order", async () => {
    await explore(async () => {
      const db = shop();
      const api = newAPI(db);
      const statuses: number[] = [];
      const wg = new WaitGroup();
      for (let i = 0; i < 4; i++) {
        wg.add(1);
        go(async () => {
          try {
            statuses.push((await post(api, twoMugs, alice("k1"))).status);
          } finally {
            wg.done();
          }
        });
      }
      await wg.wait();
      expect(db.orders.length, `a double-click sent 4 requests with one key: ${db.orders.length} orders`).toBe(1);
      expect(
        statuses.slice().sort(),
        "one request creates the order (201); the others arrive while it runs and get 409",
      ).toEqual([201, 409, 409, 409]);
      expect(db.stock("mug"), "the stock is reserved once").toBe(3);
    });
  });

  it("keys belong to one user", async () => {
    await run(async () => {
      const db = shop();
      const api = newAPI(db);
      const a = await post(api, twoMugs, alice("k1"));
      const b = await post(api, twoMugs, { "X-User": "bob", "Idempotency-Key": "k1" });
      expect([a.status, b.status], "bob's k1 is not alice's k1").toEqual([201, 201]);
      expect(b.body, "bob must never receive alice's order").toEqual({
        id: 2,
        user: "bob",
        lines: twoMugs.lines,
        total: 2500,
      });
    });
  });

  it("after a server error the key is released, so a retry can succeed", async () => {
    await run(async () => {
      const db = shop();
      const api = newAPI(db);
      db.failNext("commit", errors.new("db: commit failed: connection reset"));
      const failed = await post(api, twoMugs, alice("k1"));
      expect([failed.status, failed.body], "a failed commit is a 500 that shows no database text").toEqual([
        500,
        { error: "internal error" },
      ]);
      const retry = await post(api, twoMugs, alice("k1"));
      expect(retry.status, `the retry answered ${retry.status}; a 500 must not be stored or keep the key`).toBe(201);
      expect([db.orders.length, db.stock("mug")], "exactly one order, 2 mugs reserved").toEqual([1, 3]);
    });
  });

  it("after a panic the key is released too", async () => {
    await run(async () => {
      const db = shop();
      const api = newAPI(db);
      db.failNext("reserve", errors.new("driver: bad connection"), true);
      const crashed = await post(api, twoMugs, alice("k1")).then(
        () => "answered",
        () => "panicked",
      );
      expect(crashed, "the driver's panic passes through (a recover middleware turns it into a 500)").toBe("panicked");
      const retry = await post(api, twoMugs, alice("k1"));
      expect(retry.status, `the retry answered ${retry.status}; release the key in a finally`).toBe(201);
    });
  });

  it("two users racing for the last socks: one gets them", async () => {
    await explore(async () => {
      const db = shop();
      const api = newAPI(db);
      const statuses: number[] = [];
      const wg = new WaitGroup();
      for (const user of ["alice", "bob"]) {
        wg.add(1);
        go(async () => {
          try {
            const res = await post(
              api,
              { lines: [{ sku: "socks", quantity: 1 }] },
              { "X-User": user, "Idempotency-Key": "k" },
            );
            statuses.push(res.status);
          } finally {
            wg.done();
          }
        });
      }
      await wg.wait();
      expect(statuses.slice().sort(), "one 201 and one 409 out of stock").toEqual([201, 409]);
      expect([db.stock("socks"), db.orders.length], "stock never goes below zero").toEqual([0, 1]);
    });
  });
});
