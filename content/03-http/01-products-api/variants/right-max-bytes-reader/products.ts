import * as http from "go/net/http";
import type { Request, ResponseWriter } from "go/net/http";
import { newStore } from "./store";
import type { Store } from "./store";

/** validate returns what is wrong with a new product, or "" (Go: func (p newProduct) validate() error). */
function validate(name: string, price: number): string {
  if (name.trim().length === 0) return "name must not be empty";
  if (price < 1) return "price must be a positive number of cents";
  return "";
}

/**
 * newHandler returns the products API:
 *   GET  /products       list all products
 *   GET  /products/{id}  one product, or 404
 *   POST /products       create a product: 201 + Location, or 400
 */
export function newHandler(store: Store): http.Handler {
  const mux = http.newServeMux();

  mux.handleFunc("GET /products", (w: ResponseWriter, _r: Request) => {
    http.writeJSON(w, http.StatusOK, store.list());
  });

  mux.handleFunc("GET /products/{id}", (w: ResponseWriter, r: Request) => {
    const m = /^\d{1,9}$/.exec(r.pathValue("id"));
    const p = m ? store.get(Number(m[0])) : undefined;
    if (p) {
      http.writeJSON(w, http.StatusOK, p);
    } else {
      http.writeJSON(w, http.StatusNotFound, { error: "product not found" });
    }
  });

  mux.handleFunc("POST /products", async (w: ResponseWriter, r: Request) => {
    r.body = http.maxBytesReader(w, r.body, 4096);
    let input: { name: string; price: number };
    try {
      input = await http.decodeJSON(r, { fields: { name: "string", price: "integer" }, disallowUnknownFields: true });
    } catch (err) {
      if (!(err instanceof http.DecodeError)) throw err;
      http.writeJSON(w, err.status, { error: err.message });
      return;
    }
    const problem = validate(input.name, input.price);
    if (problem !== "") {
      http.writeJSON(w, http.StatusBadRequest, { error: problem });
      return;
    }
    const p = store.add(input.name.trim(), input.price);
    w.header().set("Location", `/products/${p.id}`);
    http.writeJSON(w, http.StatusCreated, p);
  });

  return mux;
}

/** The handler the API explorer talks to. */
export const handler = newHandler(newStore());
