import * as http from "go/net/http";
import type { Request, ResponseWriter } from "go/net/http";
import { newStore } from "./store";
import type { Store } from "./store";

/** The JSON a client may POST: a Go struct would carry these as tags. */
const newProduct = { name: "string", price: "integer" } as const;

/** writeError replies {"error": msg} with the status, like a small Go helper. */
function writeError(w: ResponseWriter, status: number, msg: string): void {
  http.writeJSON(w, status, { error: msg });
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
    const raw = r.pathValue("id");
    const id = /^[0-9]+$/.test(raw) ? Number(raw) : NaN;
    const p = Number.isSafeInteger(id) ? store.get(id) : undefined;
    if (!p) {
      writeError(w, http.StatusNotFound, "product not found");
      return;
    }
    http.writeJSON(w, http.StatusOK, p);
  });

  mux.handleFunc("POST /products", async (w: ResponseWriter, r: Request) => {
    let input;
    try {
      input = await http.decodeJSON(r, { fields: newProduct, disallowUnknownFields: true, maxBytes: 4096 });
    } catch (err) {
      if (err instanceof http.DecodeError) {
        writeError(w, err.status, err.message);
        return;
      }
      throw err;
    }
    const name = input.name.trim();
    if (name === "") {
      writeError(w, http.StatusBadRequest, "name must not be empty");
      return;
    }
    if (input.price <= 0) {
      writeError(w, http.StatusBadRequest, "price must be a positive number of cents");
      return;
    }
    const p = store.add(name, input.price);
    w.header().set("Location", `/products/${p.id}`);
    http.writeJSON(w, http.StatusOK, p);
  });

  return mux;
}

/** The handler the API explorer talks to. */
export const handler = newHandler(newStore());
