import * as errors from "go/errors";
import * as http from "go/net/http";
import type { ResponseWriter } from "go/net/http";
import { DB, ErrOutOfStock, ErrUnknownProduct } from "./db";
import { placeOrder } from "./order";

/** The body of POST /orders. */
const orderRequest = { lines: [{ sku: "string", quantity: "integer" }] } as const;

/** The state of one key: in flight, or answered with a status and body. */
type Entry = { state: "running"; request: string } | { state: "done"; request: string; status: number; body: unknown };

/** IdempotencyStore remembers, per user and key, the request and its final answer. */
class IdempotencyStore {
  private readonly entries = new Map<string, Entry>();

  /** claim returns the existing entry, or records a running one and returns null. */
  claim(user: string, key: string, request: string): Entry | null {
    const k = JSON.stringify([user, key]);
    const e = this.entries.get(k);
    if (e) return e;
    this.entries.set(k, { state: "running", request });
    return null;
  }

  /** finish stores the final answer for the key. */
  finish(user: string, key: string, request: string, status: number, body: unknown): void {
    this.entries.set(JSON.stringify([user, key]), { state: "done", request, status, body });
  }

  /** release forgets a key whose request failed, so it may be retried. */
  release(user: string, key: string): void {
    this.entries.delete(JSON.stringify([user, key]));
  }
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
  const store = new IdempotencyStore();
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

    const request = await r.body.text(); // the raw body is the fingerprint
    const prev = store.claim(user, key, request);
    if (prev) {
      if (prev.request !== request) {
        return writeError(w, http.StatusUnprocessableEntity, "this Idempotency-Key belongs to another request");
      }
      if (prev.state === "running") return writeError(w, http.StatusConflict, "request in progress");
      return http.writeJSON(w, prev.status, prev.body);
    }
    let answered = false;
    try {
      const [order, err] = await placeOrder(db, user, req.lines);
      let status: number;
      let body: unknown;
      if (order) {
        [status, body] = [http.StatusCreated, order];
      } else if (errors.is(err, ErrOutOfStock)) {
        [status, body] = [http.StatusConflict, { error: err?.message }];
      } else if (errors.is(err, ErrUnknownProduct)) {
        [status, body] = [http.StatusUnprocessableEntity, { error: err?.message }];
      } else {
        return writeError(w, http.StatusInternalServerError, "internal error");
      }
      store.finish(user, key, request, status, body);
      answered = true;
      if (order) w.header().set("Location", `/orders/${order.id}`);
      http.writeJSON(w, status, body);
    } finally {
      if (!answered) store.release(user, key);
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
