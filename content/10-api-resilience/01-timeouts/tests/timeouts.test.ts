import { describe, expect, it } from "vitest";
import { go } from "go";
import * as context from "go/context";
import * as http from "go/net/http";
import * as httptest from "go/net/http/httptest";
import { run } from "go/testing/synctest";
import * as time from "go/time";
import { ReportTime, events, newInventory } from "./inventory";
import { HandlerTimeout, InventoryBudget, TimeoutBody, fetchStock, newHandler, newServer } from "./timeouts";

/** What the client received, read from w.result(). */
interface Reply {
  status: number;
  contentType: string;
  body: string;
}

async function reply(w: httptest.ResponseRecorder): Promise<Reply> {
  const res = w.result();
  return { status: res.statusCode, contentType: res.header.get("Content-Type"), body: await res.text() };
}

/** withInventory runs fn with a fresh inventory server and an empty event log. */
async function withInventory(fn: (inv: httptest.Server) => Promise<void>): Promise<void> {
  events.length = 0;
  const inv = httptest.newServer(newInventory());
  try {
    await fn(inv);
  } finally {
    inv.close();
  }
}

describe("Task 1: the context reaches the downstream call", () => {
  it("returns the stock the inventory reports", async () => {
    await run(() =>
      withInventory(async (inv) => {
        const start = time.now();
        const n = await fetchStock(context.background(), inv.client(), inv.url, "widget");
        expect(n, "the inventory has 7 widgets").toBe(7);
        expect(time.durationString(time.since(start)), "a widget lookup takes 20ms").toBe("20ms");
      }),
    );
  });

  it("stops the inventory when the context's deadline passes", async () => {
    await run(() =>
      withInventory(async (inv) => {
        const [ctx, cancel] = context.withTimeout(context.background(), 50 * time.Millisecond);
        const start = time.now();
        let failed = false;
        try {
          await fetchStock(ctx, inv.client(), inv.url, "gizmo");
        } catch {
          failed = true;
        } finally {
          cancel();
        }
        expect(failed, "fetchStock must throw when its context ends before the inventory answers").toBe(true);
        expect(
          time.durationString(time.since(start)),
          "fetchStock must give up at the 50ms deadline, not wait 400ms for the inventory",
        ).toBe("50ms");
        await time.sleep(time.Second); // let a lookup that ignored the context finish, to see it
        expect(
          events,
          "the inventory must see the request's context end: build the request with http.newRequestWithContext(ctx, ...)",
        ).toEqual(["stock gizmo: cancelled after 50ms"]);
      }),
    );
  });

  it("stops the inventory when the caller cancels", async () => {
    await run(() =>
      withInventory(async (inv) => {
        const [ctx, cancel] = context.withCancel(context.background());
        go(async () => {
          await time.sleep(30 * time.Millisecond);
          cancel();
        });
        await fetchStock(ctx, inv.client(), inv.url, "gizmo").catch(() => -1);
        await time.sleep(time.Second);
        expect(events, "cancelling the context at 30ms must stop the lookup at 30ms").toEqual([
          "stock gizmo: cancelled after 30ms",
        ]);
      }),
    );
  });

  it("throws when the inventory does not answer 200", async () => {
    await run(() =>
      withInventory(async (inv) => {
        let got: unknown = "nothing thrown";
        try {
          got = await fetchStock(context.background(), inv.client(), inv.url, "sprocket");
        } catch (err) {
          got = err instanceof Error ? "an Error" : err;
        }
        expect(got, "a 404 from the inventory is an error, not a stock count").toBe("an Error");
      }),
    );
  });
});

/** get serves one GET through h on a recorder and returns the reply and the virtual time it took. */
async function get(h: http.Handler, path: string): Promise<[Reply, string]> {
  const w = httptest.newRecorder();
  const start = time.now();
  await h.serveHTTP(w, httptest.newRequest("GET", path));
  return [await reply(w), time.durationString(time.since(start))];
}

describe("Task 2: a budget for the inventory inside the request's deadline", () => {
  it("answers 200 with the stock when the inventory is quick", async () => {
    await run(() =>
      withInventory(async (inv) => {
        const h = newHandler(inv.client(), inv.url);
        const [widget, t1] = await get(h, "/products/widget");
        const [gadget, t2] = await get(h, "/products/gadget");
        expect(widget, "GET /products/widget").toEqual({
          status: 200,
          contentType: "application/json",
          body: '{"sku":"widget","stock":7}\n',
        });
        expect(gadget.body, "GET /products/gadget: 70ms is within the 100ms budget").toBe(
          '{"sku":"gadget","stock":0}\n',
        );
        expect([t1, t2], "each request takes as long as its lookup").toEqual(["20ms", "70ms"]);
      }),
    );
  });

  it("answers 504 when the inventory exceeds the budget, and stops it", async () => {
    await run(() =>
      withInventory(async (inv) => {
        const [res, took] = await get(newHandler(inv.client(), inv.url), "/products/gizmo");
        expect(res.status, `a 400ms lookup against a 100ms budget answered ${res.status}; expected 504`).toBe(504);
        expect(res.body, "the 504 says which dependency was too slow").toBe('{"error":"inventory timed out"}\n');
        expect(took, `the client must get its 504 when the ${time.durationString(InventoryBudget)} budget ends`).toBe(
          "100ms",
        );
        await time.sleep(time.Second);
        expect(events, "the lookup is cancelled when the budget ends").toEqual(["stock gizmo: cancelled after 100ms"]);
      }),
    );
  });

  it("answers 502 when the inventory fails", async () => {
    await run(() =>
      withInventory(async (inv) => {
        const [res] = await get(newHandler(inv.client(), inv.url), "/products/sprocket");
        expect([res.status, res.body], "an inventory error that is not a timeout is a 502").toEqual([
          502,
          '{"error":"inventory unavailable"}\n',
        ]);
      }),
    );
  });

  it("a client's shorter deadline reaches the inventory", async () => {
    await run(() =>
      withInventory(async (inv) => {
        const api = httptest.newServer(newHandler(inv.client(), inv.url));
        const [ctx, cancel] = context.withTimeout(context.background(), 40 * time.Millisecond);
        await api
          .client()
          .do(http.newRequestWithContext(ctx, "GET", api.url + "/products/gadget"))
          .catch(() => null);
        cancel();
        await time.sleep(time.Second);
        api.close();
        expect(
          events,
          "the client gave up after 40ms: derive the budget from r.context(), so the lookup stops then too",
        ).toEqual(["stock gadget: cancelled after 40ms"]);
      }),
    );
  });
});

describe("Task 3: TimeoutHandler and the server's timeouts", () => {
  it("a slow request gets the 503 at the handler timeout, and nothing after it", async () => {
    await run(() =>
      withInventory(async (inv) => {
        const h = newHandler(inv.client(), inv.url);
        const w = httptest.newRecorder();
        const start = time.now();
        await h.serveHTTP(w, httptest.newRequest("GET", "/report"));
        const took = time.durationString(time.since(start));
        const first = await reply(w);
        expect(
          first.status,
          `GET /report answered ${first.status}; after the handler timeout the client gets 503`,
        ).toBe(503);
        expect(took, `the 503 must come at the ${time.durationString(HandlerTimeout)} handler timeout`).toBe("1s");
        await time.sleep(ReportTime); // whatever the report handler still does happens now
        const later = await reply(w);
        expect(
          later.body,
          "the client gets exactly the timeout body; the handler's own late error must never be written after it",
        ).toBe(TimeoutBody);
        expect(events, "the report is cancelled when the handler's time is up").toEqual(["report: cancelled after 1s"]);
      }),
    );
  });

  it("fast requests pass through unchanged", async () => {
    await run(() =>
      withInventory(async (inv) => {
        const [res] = await get(newHandler(inv.client(), inv.url), "/products/widget");
        expect(res, "a request well within the timeout keeps its status, headers and body").toEqual({
          status: 200,
          contentType: "application/json",
          body: '{"sku":"widget","stock":7}\n',
        });
      }),
    );
  });

  it("the server's timeouts are set, and let the 503 reach the client", async () => {
    await run(() =>
      withInventory(async (inv) => {
        const srv = newServer("localhost:8080", newHandler(inv.client(), inv.url));
        // As in Go, a zero readHeaderTimeout or idleTimeout falls back to readTimeout.
        expect(
          (srv.readHeaderTimeout || srv.readTimeout) > 0,
          "set readHeaderTimeout: without it a client that sends its headers slowly holds a connection forever",
        ).toBe(true);
        expect(
          (srv.idleTimeout || srv.readTimeout) > 0,
          "set idleTimeout so idle keep-alive connections are closed",
        ).toBe(true);
        expect(
          srv.writeTimeout > HandlerTimeout,
          `writeTimeout (${time.durationString(srv.writeTimeout)}) must be longer than the handler timeout, or the 503 is never delivered`,
        ).toBe(true);
        go(() => srv.listenAndServe());
        await time.sleep(time.Millisecond);
        let status: number | string;
        try {
          const res = await http.get("http://localhost:8080/report");
          status = res.statusCode;
        } catch (err) {
          status = String(err);
        }
        expect(status, "through the real server, GET /report must reach the client as a 503").toBe(503);
        await srv.shutdown(context.background());
        await time.sleep(ReportTime);
      }),
    );
  });
});
