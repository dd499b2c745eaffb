import * as errors from "go/errors";
import * as http from "go/net/http";
import type { ResponseWriter } from "go/net/http";
import { DB, ErrOutOfStock, ErrUnknownProduct } from "./db";
import { placeOrder } from "./order";

/** The body of POST /orders. */
const orderRequest = { lines: [{ sku: "string", quantity: "integer" }] } as const;

/** writeError replies {"error": msg} with status. */
function writeError(w: ResponseWriter, status: number, msg: string): void {
  http.writeJSON(w, status, { error: msg });
}

/**
 * newAPI returns the orders API over db:
 *   POST /orders  {"lines": [{"sku", "quantity"}]} with headers X-User and
 *                 Idempotency-Key: 201 + Location and the order; 409 out of
 *                 stock; 422 unknown product; a retry with the same key and
 *                 body gets the first response again.
 *   GET /orders   the caller's orders.
 */
export function newAPI(db: DB): http.Handler {
  const mux = http.newServeMux();

  mux.handleFunc("POST /orders", async (w, r) => {
    const user = r.header.get("X-User");
    if (user === "") return writeError(w, http.StatusUnauthorized, "X-User header is required");
    const key = r.header.get("Idempotency-Key");
    if (key === "") return writeError(w, http.StatusBadRequest, "Idempotency-Key header is required");
    let req;
    try {
      req = await http.decodeJSON(r, { fields: orderRequest, disallowUnknownFields: true, maxBytes: 4096 });
    } catch (e) {
      if (!(e instanceof http.DecodeError)) throw e;
      return writeError(w, e.status, e.message);
    }
    if (req.lines.length === 0 || req.lines.some((l) => l.quantity < 1)) {
      return writeError(w, http.StatusBadRequest, "an order needs lines with a quantity of at least 1");
    }

    // TODO: Idempotency-Key. Same key and same request: answer what the first
    // request got (same status and body). Same key, different request: 422.
    // A duplicate while the first is still running: 409, and no second order.
    // If the server fails (500, or a panic), forget the key so a retry works.
    // Keys belong to one user.
    const [order, err] = await placeOrder(db, user, req.lines);
    if (order) {
      w.header().set("Location", `/orders/${order.id}`);
      return http.writeJSON(w, http.StatusCreated, order);
    }
    if (errors.is(err, ErrOutOfStock)) return writeError(w, http.StatusConflict, err?.message ?? "");
    if (errors.is(err, ErrUnknownProduct)) return writeError(w, http.StatusUnprocessableEntity, err?.message ?? "");
    return writeError(w, http.StatusInternalServerError, "internal error");
  });

  mux.handleFunc("GET /orders", (w, r) => {
    const user = r.header.get("X-User");
    http.writeJSON(
      w,
      http.StatusOK,
      db.orders.filter((o) => o.user === user),
    );
  });
  return mux;
}

/** The handler the API explorer talks to (send X-User and Idempotency-Key headers). */
export const handler = newAPI(
  new DB({ "gopher-mug": { price: 1250, stock: 5 }, "channel-socks": { price: 700, stock: 1 } }),
);
