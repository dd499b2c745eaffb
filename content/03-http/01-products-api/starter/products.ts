import * as http from "go/net/http";
import type { Request, ResponseWriter } from "go/net/http";
import { newStore } from "./store";
import type { Store } from "./store";

/**
 * newHandler returns the products API:
 *   GET  /products       list all products
 *   GET  /products/{id}  one product, or 404
 *   POST /products       create a product: 201 + Location, or 400
 */
export function newHandler(store: Store): http.Handler {
  const mux = http.newServeMux();

  mux.handleFunc("GET /products", (w: ResponseWriter, r: Request) => {
    // TODO: reply 200 with the list as JSON (http.writeJSON).
    http.error(w, "not implemented", http.StatusNotImplemented);
  });

  mux.handleFunc("GET /products/{id}", (w: ResponseWriter, r: Request) => {
    // TODO: parse r.pathValue("id"); reply with the product, or 404 {"error": "product not found"}.
    http.error(w, "not implemented", http.StatusNotImplemented);
  });

  mux.handleFunc("POST /products", async (w: ResponseWriter, r: Request) => {
    // TODO: decode {name, price} with http.decodeJSON, validate, store.add,
    // then 201 with a Location header and the new product.
    http.error(w, "not implemented", http.StatusNotImplemented);
  });

  void store;
  return mux;
}

/** The handler the API explorer talks to. */
export const handler = newHandler(newStore());
