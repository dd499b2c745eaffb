import * as http from "go/net/http";
import type { Request, ResponseWriter } from "go/net/http";
import { newStore } from "./store";
import type { Store } from "./store";

/** productsAPI holds the handlers, like a Go struct whose methods are http.HandlerFuncs. */
class productsAPI {
  constructor(private readonly store: Store) {}

  list(w: ResponseWriter): void {
    http.writeJSON(w, http.StatusOK, this.store.list());
  }

  show(w: ResponseWriter, r: Request): void {
    const raw = r.pathValue("id");
    const found = /^[0-9]+$/.test(raw) ? this.store.get(+raw) : undefined;
    if (found === undefined) return this.fail(w, http.StatusNotFound, "product not found");
    http.writeJSON(w, http.StatusOK, found);
  }

  async create(w: ResponseWriter, r: Request): Promise<void> {
    let body;
    try {
      body = await http.decodeJSON(r, {
        fields: { name: "string", price: "integer" },
        disallowUnknownFields: true,
        maxBytes: 4 << 10,
      });
    } catch (e) {
      if (e instanceof http.DecodeError) return this.fail(w, e.status, e.message);
      throw e;
    }
    switch (true) {
      case body.name.trim() === "":
        return this.fail(w, http.StatusBadRequest, "name must not be empty");
      case body.price <= 0:
        return this.fail(w, http.StatusBadRequest, "price must be a positive number of cents");
    }
    const p = this.store.add(body.name, body.price);
    w.header().set("Location", `/products/${p.id}`);
    http.writeJSON(w, http.StatusCreated, p);
  }

  private fail(w: ResponseWriter, status: number, error: string): void {
    http.writeJSON(w, status, { error });
  }
}

/**
 * newHandler returns the products API:
 *   GET  /products       list all products
 *   GET  /products/{id}  one product, or 404
 *   POST /products       create a product: 201 + Location, or 400
 */
export function newHandler(store: Store): http.Handler {
  const api = new productsAPI(store);
  const routes: [string, http.HandlerFunc][] = [
    ["GET /products", (w) => api.list(w)],
    ["GET /products/{id}", (w, r) => api.show(w, r)],
    ["POST /products", (w, r) => api.create(w, r)],
  ];
  const mux = http.newServeMux();
  for (const [pattern, h] of routes) mux.handleFunc(pattern, h);
  return mux;
}

/** The handler the API explorer talks to. */
export const handler = newHandler(newStore());
