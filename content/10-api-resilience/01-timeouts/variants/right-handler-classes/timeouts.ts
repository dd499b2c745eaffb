import * as context from "go/context";
import type { Context } from "go/context";
import * as http from "go/net/http";
import type { Request, ResponseWriter } from "go/net/http";
import * as httptest from "go/net/http/httptest";
import * as time from "go/time";
import { buildReport, newInventory } from "./inventory";

/** InventoryBudget is the most a product request waits for the inventory. */
export const InventoryBudget = 100 * time.Millisecond;

/** HandlerTimeout is the most any request may take before the client gets a 503. */
export const HandlerTimeout = time.Second;

/** TimeoutBody is the body of the 503 sent when HandlerTimeout passes. */
export const TimeoutBody = '{"error":"request timed out"}';

/** StockError reports an inventory reply that was not a 200. */
class StockError extends Error {}

/** fetchStock asks the inventory at baseURL for the stock of sku, carrying ctx. */
export async function fetchStock(ctx: Context, client: http.Client, baseURL: string, sku: string): Promise<number> {
  const url = new URL(`/stock/${encodeURIComponent(sku)}`, baseURL).toString();
  const res = await client.do(http.newRequestWithContext(ctx, http.MethodGet, url));
  const text = await res.text();
  if (res.statusCode !== 200) throw new StockError(`inventory: ${res.status}`);
  return (JSON.parse(text) as { stock: number }).stock;
}

/** ProductHandler serves GET /products/{sku} (Go: a struct with a ServeHTTP method). */
class ProductHandler implements http.Handler {
  constructor(
    private readonly client: http.Client,
    private readonly baseURL: string,
  ) {}

  async serveHTTP(w: ResponseWriter, r: Request): Promise<void> {
    const [ctx, cancel] = context.withTimeout(r.context(), InventoryBudget);
    const [status, body] = await this.lookup(ctx, r.pathValue("sku")).finally(cancel);
    http.writeJSON(w, status, body);
  }

  private async lookup(ctx: Context, sku: string): Promise<[number, object]> {
    try {
      return [http.StatusOK, { sku, stock: await fetchStock(ctx, this.client, this.baseURL, sku) }];
    } catch {
      return ctx.err() === context.DeadlineExceeded
        ? [http.StatusGatewayTimeout, { error: "inventory timed out" }]
        : [http.StatusBadGateway, { error: "inventory unavailable" }];
    }
  }
}

/** ReportHandler serves GET /report. */
class ReportHandler implements http.Handler {
  async serveHTTP(w: ResponseWriter, r: Request): Promise<void> {
    const [report, err] = await buildReport(r.context());
    if (err === null) w.write(report);
    else http.error(w, "report failed", http.StatusInternalServerError);
  }
}

/** newHandler returns the product API under one TimeoutHandler. */
export function newHandler(client: http.Client, baseURL: string): http.Handler {
  const mux = http.newServeMux();
  mux.handle("GET /products/{sku}", new ProductHandler(client, baseURL));
  mux.handle("GET /report", new ReportHandler());
  return http.timeoutHandler(mux, HandlerTimeout, TimeoutBody);
}

/** newServer returns the server with explicit timeouts. */
export function newServer(addr: string, h: http.Handler): http.Server {
  return new http.Server({
    addr,
    handler: h,
    readHeaderTimeout: 2 * time.Second,
    writeTimeout: 30 * time.Second,
    idleTimeout: time.Minute,
  });
}

const inventory = httptest.newServer(newInventory());

/** The handler the API explorer talks to. */
export const handler = newHandler(inventory.client(), inventory.url);
