import { go, makeChan, select } from "go";
import * as context from "go/context";
import type { Context } from "go/context";
import * as http from "go/net/http";
import * as httptest from "go/net/http/httptest";
import * as time from "go/time";
import { buildReport, newInventory } from "./inventory";

/** InventoryBudget is the most a product request waits for the inventory. */
export const InventoryBudget = 100 * time.Millisecond;

/** HandlerTimeout is the most any request may take before the client gets a 503. */
export const HandlerTimeout = time.Second;

/** TimeoutBody is the body of the 503 sent when HandlerTimeout passes. */
export const TimeoutBody = '{"error":"request timed out"}';

/**
 * fetchStock asks the inventory at baseURL how many units of sku are in stock.
 * The request carries ctx, so the inventory stops when ctx is done. It throws
 * on any failure, including a status other than 200.
 */
export async function fetchStock(ctx: Context, client: http.Client, baseURL: string, sku: string): Promise<number> {
  const req = http.newRequestWithContext(ctx, "GET", `${baseURL}/stock/${http.pathEscape(sku)}`);
  const res = await client.do(req);
  const body = await res.text();
  if (res.statusCode !== http.StatusOK) {
    throw new Error(`inventory: ${res.status}`);
  }
  return (JSON.parse(body) as { stock: number }).stock;
}

/**
 * newHandler returns the product API:
 *   GET /products/{sku}: 200 {"sku", "stock"}; 504 {"error": "inventory timed out"}
 *     when the inventory takes longer than InventoryBudget; 502 {"error":
 *     "inventory unavailable"} on any other inventory failure.
 *   GET /report: 200 with the report text, 500 if it fails.
 * Every request gets at most HandlerTimeout, then a 503 with TimeoutBody.
 */
export function newHandler(client: http.Client, baseURL: string): http.Handler {
  const mux = http.newServeMux();
  mux.handleFunc("GET /products/{sku}", async (w, r) => {
    const sku = r.pathValue("sku");
    // A budget of our own, inside whatever deadline the request already has.
    const [ctx, cancel] = context.withTimeout(r.context(), InventoryBudget);
    try {
      const stock = await fetchStock(ctx, client, baseURL, sku);
      http.writeJSON(w, http.StatusOK, { sku, stock });
    } catch {
      if (ctx.err() === context.DeadlineExceeded) {
        http.writeJSON(w, http.StatusGatewayTimeout, { error: "inventory timed out" });
        return;
      }
      http.writeJSON(w, http.StatusBadGateway, { error: "inventory unavailable" });
    } finally {
      cancel();
    }
  });
  mux.handleFunc("GET /report", async (w, r) => {
    const [report, err] = await buildReport(r.context());
    if (err !== null) {
      http.error(w, "report failed", http.StatusInternalServerError);
      return;
    }
    w.write(report);
  });
  return http.handlerFunc(async (w, r) => {
    const [ctx, cancel] = context.withTimeout(r.context(), HandlerTimeout);
    const done = makeChan<void>(1);
    go(async () => {
      await mux.serveHTTP(w, r.withContext(ctx));
      await done.send();
    });
    await select(
      done.recvCase(() => {}),
      ctx.done().recvCase(() => {
        w.writeHeader(http.StatusServiceUnavailable);
        w.write(TimeoutBody);
      }),
    );
    cancel();
  });
}

/**
 * newServer returns the http.Server for h at addr, with timeouts that stop
 * slow clients from holding connections and that leave the handler time to
 * send its own 503.
 */
export function newServer(addr: string, h: http.Handler): http.Server {
  return new http.Server({
    addr,
    handler: h,
    readHeaderTimeout: 5 * time.Second,
    readTimeout: 10 * time.Second,
    writeTimeout: HandlerTimeout + 5 * time.Second,
    idleTimeout: 2 * time.Minute,
  });
}

const inventory = httptest.newServer(newInventory());

/** The handler the API explorer talks to, with its own inventory. */
export const handler = newHandler(inventory.client(), inventory.url);
