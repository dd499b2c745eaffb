// The cart's HTTP API over Carts. You do not need to change this file.
import * as errors from "go/errors";
import * as http from "go/net/http";
import type { ResponseWriter } from "go/net/http";
import { Carts, ErrInvalidQuantity } from "./cart";
import type { Items } from "./db";
import { DB } from "./db";

/** reply answers a cart operation: the cart, 422 for a bad quantity, 503 when the DB failed. */
function reply(w: ResponseWriter, [items, err]: [Items, Error | null]): void {
  if (errors.is(err, ErrInvalidQuantity)) {
    http.writeJSON(w, http.StatusUnprocessableEntity, { error: ErrInvalidQuantity.message });
  } else if (err) {
    // Never the DB's own text: it is an internal detail.
    http.writeJSON(w, http.StatusServiceUnavailable, { error: "cart is temporarily unavailable" });
  } else {
    http.writeJSON(w, http.StatusOK, items);
  }
}

/**
 * newAPI returns the cart API (the user comes from the path; a real service
 * takes it from the session):
 *   GET    /users/{user}/cart               the cart
 *   POST   /users/{user}/cart/items         {"sku", "quantity"}: add
 *   PUT    /users/{user}/cart/items/{sku}   {"quantity"}: set (0 removes)
 *   DELETE /users/{user}/cart/items/{sku}   remove
 */
export function newAPI(carts: Carts): http.Handler {
  const mux = http.newServeMux();
  mux.handleFunc("GET /users/{user}/cart", async (w, r) => {
    http.writeJSON(w, http.StatusOK, await carts.get(r.pathValue("user")));
  });
  mux.handleFunc("POST /users/{user}/cart/items", async (w, r) => {
    let body;
    try {
      body = await http.decodeJSON(r, { fields: { sku: "string", quantity: "number" }, maxBytes: 1024 });
    } catch (e) {
      if (!(e instanceof http.DecodeError)) throw e;
      http.writeJSON(w, e.status, { error: e.message });
      return;
    }
    reply(w, await carts.add(r.pathValue("user"), body.sku, body.quantity));
  });
  mux.handleFunc("PUT /users/{user}/cart/items/{sku}", async (w, r) => {
    let body;
    try {
      body = await http.decodeJSON(r, { fields: { quantity: "number" }, maxBytes: 1024 });
    } catch (e) {
      if (!(e instanceof http.DecodeError)) throw e;
      http.writeJSON(w, e.status, { error: e.message });
      return;
    }
    reply(w, await carts.setQuantity(r.pathValue("user"), r.pathValue("sku"), body.quantity));
  });
  mux.handleFunc("DELETE /users/{user}/cart/items/{sku}", async (w, r) => {
    reply(w, await carts.remove(r.pathValue("user"), r.pathValue("sku")));
  });
  return mux;
}

/** The handler the API explorer talks to: alice has a saved cart. */
export const handler = newAPI(new Carts(new DB({ alice: { "gopher-mug": 1 } })));
