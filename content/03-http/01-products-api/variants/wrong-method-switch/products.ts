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

  // Pre-Go 1.22 style: one pattern per path, dispatch on the method by hand.
  mux.handleFunc("/products", async (w: ResponseWriter, r: Request) => {
    switch (r.method) {
      case "GET":
      case "HEAD":
        http.writeJSON(w, http.StatusOK, store.list());
        return;
      case "POST":
        await create(store, w, r);
        return;
      default:
        http.writeJSON(w, http.StatusMethodNotAllowed, { error: "method not allowed" });
    }
  });

  mux.handleFunc("/products/{id}", (w: ResponseWriter, r: Request) => {
    if (r.method !== "GET" && r.method !== "HEAD") {
      http.writeJSON(w, http.StatusMethodNotAllowed, { error: "method not allowed" });
      return;
    }
    const raw = r.pathValue("id");
    const p = /^[0-9]+$/.test(raw) ? store.get(Number(raw)) : undefined;
    if (!p) {
      http.writeJSON(w, http.StatusNotFound, { error: "product not found" });
      return;
    }
    http.writeJSON(w, http.StatusOK, p);
  });

  return mux;
}

async function create(store: Store, w: ResponseWriter, r: Request): Promise<void> {
  let input;
  try {
    input = await http.decodeJSON(r, {
      fields: { name: "string", price: "integer" },
      disallowUnknownFields: true,
      maxBytes: 4096,
    });
  } catch (err) {
    if (!(err instanceof http.DecodeError)) throw err;
    http.writeJSON(w, err.status, { error: err.message });
    return;
  }
  const name = input.name.trim();
  if (name === "") {
    http.writeJSON(w, http.StatusBadRequest, { error: "name must not be empty" });
    return;
  }
  if (input.price <= 0) {
    http.writeJSON(w, http.StatusBadRequest, { error: "price must be a positive number of cents" });
    return;
  }
  const p = store.add(name, input.price);
  w.header().set("Location", `/products/${p.id}`);
  http.writeJSON(w, http.StatusCreated, p);
}

/** The handler the API explorer talks to. */
export const handler = newHandler(newStore());
