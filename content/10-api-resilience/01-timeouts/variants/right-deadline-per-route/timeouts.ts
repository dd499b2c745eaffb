import * as context from "go/context";
import type { Context } from "go/context";
import * as errors from "go/errors";
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

/** fetchStock asks the inventory at baseURL for the stock of sku, carrying ctx. */
export async function fetchStock(ctx: Context, client: http.Client, baseURL: string, sku: string): Promise<number> {
  const res = await client.do(http.newRequestWithContext(ctx, "GET", baseURL + "/stock/" + http.pathEscape(sku)));
  if (res.statusCode !== http.StatusOK) {
    res.body.close();
    throw errors.errorf("inventory answered %d", res.statusCode);
  }
  const { stock } = JSON.parse(await res.text()) as { stock: number };
  return stock;
}

/** newHandler returns the product API, each route under its own TimeoutHandler. */
export function newHandler(client: http.Client, baseURL: string): http.Handler {
  const products = http.handlerFunc(async (w, r) => {
    const sku = r.pathValue("sku");
    const [ctx, cancel] = context.withDeadline(r.context(), time.now().add(InventoryBudget));
    let stock: number;
    try {
      stock = await fetchStock(ctx, client, baseURL, sku);
    } catch {
      const timedOut = errors.is(ctx.err(), context.DeadlineExceeded);
      cancel();
      http.writeJSON(w, timedOut ? http.StatusGatewayTimeout : http.StatusBadGateway, {
        error: timedOut ? "inventory timed out" : "inventory unavailable",
      });
      return;
    }
    cancel();
    http.writeJSON(w, http.StatusOK, { sku, stock });
  });
  const report = http.handlerFunc(async (w, r) => {
    const [text, err] = await buildReport(r.context());
    if (err) return http.error(w, "report failed", http.StatusInternalServerError);
    w.write(text);
  });
  const mux = http.newServeMux();
  mux.handle("GET /products/{sku}", http.timeoutHandler(products, HandlerTimeout, TimeoutBody));
  mux.handle("GET /report", http.timeoutHandler(report, HandlerTimeout, TimeoutBody));
  return mux;
}

/** newServer returns the server: readTimeout also bounds headers and idle connections, as in Go. */
export function newServer(addr: string, h: http.Handler): http.Server {
  const srv = new http.Server({ addr, handler: h });
  srv.readTimeout = 5 * time.Second;
  srv.writeTimeout = 2 * HandlerTimeout;
  return srv;
}

const inventory = httptest.newServer(newInventory());

/** The handler the API explorer talks to. */
export const handler = newHandler(inventory.client(), inventory.url);
