import * as errors from "go/errors";
import * as http from "go/net/http";
import type { ResponseWriter } from "go/net/http";
import { DB, ErrOutOfStock, ErrUnknownProduct } from "./db";
import { placeOrder } from "./order";

/** The body of POST /orders. */
const orderRequest = { lines: [{ sku: "string", quantity: "integer" }] } as const;

/** What the first request with an Idempotency-Key got, kept to answer its retries. */
interface Stored {
  /** The request it answered, so a different request with the same key is refused. */
  fingerprint: string;
  /** False while the first request is still being served. */
  done: boolean;
  status: number;
  body: unknown;
}

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
  const keys = new Map<string, Stored>();
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

    // Keys belong to a user: another user's key must never replay this one's order.
    const id = `${user}\n${key}`;
    const fingerprint = JSON.stringify(req.lines.map((l) => [l.sku, l.quantity]));
    const prev = keys.get(id);
    if (prev) {
      if (prev.fingerprint !== fingerprint && !prev.done) {
        return writeError(
          w,
          http.StatusUnprocessableEntity,
          "Idempotency-Key was already used for a different request",
        );
      }
      if (!prev.done) {
        return writeError(w, http.StatusConflict, "a request with this Idempotency-Key is still in progress");
      }
      return http.writeJSON(w, prev.status, prev.body);
    }
    // Claimed before the first await, so a concurrent duplicate finds it.
    const rec: Stored = { fingerprint, done: false, status: 0, body: null };
    keys.set(id, rec);
    try {
      const [order, err] = await placeOrder(db, user, req.lines);
      if (order) {
        [rec.status, rec.body] = [http.StatusCreated, order];
        w.header().set("Location", `/orders/${order.id}`);
      } else if (errors.is(err, ErrOutOfStock)) {
        [rec.status, rec.body] = [http.StatusConflict, { error: err?.message }];
      } else if (errors.is(err, ErrUnknownProduct)) {
        [rec.status, rec.body] = [http.StatusUnprocessableEntity, { error: err?.message }];
      } else {
        // The server failed, not the request: the client may retry with the same key.
        return writeError(w, http.StatusInternalServerError, "internal error");
      }
      rec.done = true;
      http.writeJSON(w, rec.status, rec.body);
    } finally {
      if (!rec.done) keys.delete(id); // an error or a panic: release the key
    }
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
