import * as http from "go/net/http";
import * as time from "go/time";
import { Secret, requireAuth } from "./auth";
import { LinkCache } from "./cache";
import { createLink, linkStats, randomCode, resolveLink } from "./handlers";
import { recoverer } from "./middleware";
import { limitCreates } from "./ratelimit";
import { MemoryStore } from "./store";

/**
 * newService wires the short-link service:
 *   POST /links               requireAuth, limitCreates, createLink
 *   GET  /r/{code}            resolveLink (public)
 *   GET  /links/{code}/stats  requireAuth, linkStats
 * all inside recoverer.
 */
export function newService(store = new MemoryStore(), newCode = randomCode): http.Handler {
  const d = { store, cache: new LinkCache(store), newCode };
  const auth = requireAuth(Secret);
  const mux = http.newServeMux();
  mux.handle("POST /links", http.chain(auth, limitCreates())(http.handlerFunc(createLink(d))));
  mux.handleFunc("GET /r/{code}", resolveLink(d));
  mux.handle("GET /links/{code}/stats", auth(http.handlerFunc(linkStats(d))));
  return recoverer(mux);
}

/** The handler the API explorer talks to: try GET /r/go. */
export const handler = newService(
  new MemoryStore([{ code: "go", url: "https://go.dev/", owner: "gopher", createdAt: time.unix(946684800, 0) }]),
);
