// The orders service: it asks the inventory service before it answers. You do not need to change this file.
import * as http from "go/net/http";
import { newServer as newTestServer } from "go/net/http/httptest";
import type { Handler } from "go/net/http";
import * as time from "go/time";
import { inject, tracing } from "./trace";
import type { IDSource, Logf } from "./trace";

/**
 * newApp serves GET /orders/{id}: it loads the order (5ms), asks the inventory service at
 * inventoryURL for GET /stock/{id}, passing the trace on, and answers
 * {"order": id, "stock": <the inventory's answer>}.
 */
export function newApp(inventoryURL: string, client: http.Client): Handler {
  const mux = http.newServeMux();
  mux.handleFunc("GET /orders/{id}", async (w, r) => {
    const id = r.pathValue("id");
    await time.sleep(5 * time.Millisecond); // load the order from the orders database
    // Go: http.NewRequestWithContext(r.Context(), ...): the downstream call belongs to this request.
    const req = http.newRequestWithContext(r.context(), "GET", `${inventoryURL}/stock/${id}`);
    inject(r.context(), req.header);
    let res: http.Response;
    try {
      res = await client.do(req);
    } catch {
      http.writeJSON(w, http.StatusBadGateway, { error: "inventory unavailable" });
      return;
    }
    http.writeJSON(w, http.StatusOK, { order: id, stock: await res.json() });
  });
  return mux;
}

/** newServer is the orders service behind the tracing middleware. */
export function newServer(inventoryURL: string, client: http.Client, logf: Logf, ids?: IDSource): Handler {
  return tracing(logf, ids)(newApp(inventoryURL, client));
}

/** A stand-in inventory service for the API explorer: every product has 3 in stock. */
const inventory = newTestServer(
  http.handlerFunc((w) => {
    http.writeJSON(w, http.StatusOK, 3);
  }),
);

/** The handler the API explorer talks to: GET /orders/7, with or without a traceparent header. */
export const handler = newServer(inventory.url, inventory.client(), (line) => console.log(line));
