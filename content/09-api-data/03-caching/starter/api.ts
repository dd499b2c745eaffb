// GET /products/{id} over the cache. You do not need to change this file.
import * as errors from "go/errors";
import * as http from "go/net/http";
import * as time from "go/time";
import { Cache } from "./cache";
import { ErrNotFound, ProductDB } from "./db";

/** newAPI serves GET /products/{id} from the cache: 200, 404, or 503 when the database fails. */
export function newAPI(cache: Cache): http.Handler {
  const mux = http.newServeMux();
  mux.handleFunc("GET /products/{id}", async (w, r) => {
    const [p, err] = await cache.get(r.pathValue("id"));
    if (errors.is(err, ErrNotFound)) return http.writeJSON(w, http.StatusNotFound, { error: "product not found" });
    if (err) return http.writeJSON(w, http.StatusServiceUnavailable, { error: "try again later" });
    http.writeJSON(w, http.StatusOK, p);
  });
  return mux;
}

/** The handler the API explorer talks to: products p1 and p2 exist. */
export const handler = newAPI(
  new Cache(
    new ProductDB([
      { id: "p1", name: "Gopher mug", price: 1250 },
      { id: "p2", name: "Channel socks", price: 700 },
    ]),
    { ttl: 5 * time.Minute, negativeTTL: 30 * time.Second, jitter: 30 * time.Second },
  ),
);
