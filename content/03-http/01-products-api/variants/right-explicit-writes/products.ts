import * as http from "go/net/http";
import type { Request, ResponseWriter } from "go/net/http";
import { newStore } from "./store";
import type { Store } from "./store";

/** send writes v as JSON the long way: headers, then the status line, then the body. */
function send(w: ResponseWriter, status: number, v: unknown): void {
  w.header().set("Content-Type", "application/json");
  w.writeHeader(status);
  w.write(JSON.stringify(v) + "\n");
}

/** productID parses a path id the way strconv.Atoi would accept it for a non-negative id. */
function productID(raw: string): number | null {
  if (raw.length === 0 || raw.length > 15) return null;
  for (const c of raw) if (c < "0" || c > "9") return null;
  return Number.parseInt(raw, 10);
}

/**
 * newHandler returns the products API:
 *   GET  /products       list all products
 *   GET  /products/{id}  one product, or 404
 *   POST /products       create a product: 201 + Location, or 400
 */
export function newHandler(store: Store): http.Handler {
  const mux = http.newServeMux();

  mux.handleFunc("GET /products", (w: ResponseWriter) => {
    send(w, http.StatusOK, store.list());
  });

  mux.handleFunc("GET /products/{id}", (w: ResponseWriter, r: Request) => {
    const id = productID(r.pathValue("id"));
    const p = id === null ? undefined : store.get(id);
    if (p === undefined) return send(w, http.StatusNotFound, { error: "product not found" });
    send(w, http.StatusOK, p);
  });

  mux.handleFunc("POST /products", async (w: ResponseWriter, r: Request) => {
    const spec = { fields: { name: "string", price: "integer" }, disallowUnknownFields: true, maxBytes: 4096 } as const;
    const input = await http.decodeJSON(r, spec).catch((err: unknown) => {
      if (err instanceof http.DecodeError) return err;
      throw err;
    });
    if (input instanceof http.DecodeError) return send(w, input.status, { error: input.message });
    const name = input.name.trim();
    if (!name) return send(w, http.StatusBadRequest, { error: "name must not be empty" });
    if (!(input.price > 0))
      return send(w, http.StatusBadRequest, { error: "price must be a positive number of cents" });
    const p = store.add(name, input.price);
    w.header().set("Location", "/products/" + String(p.id));
    send(w, http.StatusCreated, p);
  });

  return mux;
}

/** The handler the API explorer talks to. */
export const handler = newHandler(newStore());
