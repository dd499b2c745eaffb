import * as http from "go/net/http";
import type { Handler } from "go/net/http";
import * as time from "go/time";
import { Secret, requireAuth } from "./auth";
import { LinkCache } from "./cache";
import { createLink, linkStats, randomCode, resolveLink } from "./handlers";
import { recoverer } from "./middleware";
import { limitCreates } from "./ratelimit";
import { MemoryStore } from "./store";

/** newService wires the routes: a public group and an authenticated one. */
export function newService(store = new MemoryStore(), newCode = randomCode): Handler {
  const d = { store, cache: new LinkCache(store), newCode };
  const authed = http.newServeMux();
  authed.handle("POST /links", limitCreates()(http.handlerFunc(createLink(d))));
  authed.handleFunc("GET /links/{code}/stats", linkStats(d));
  const root = http.newServeMux();
  root.handleFunc("GET /r/{code}", resolveLink(d));
  root.handle("/links", requireAuth(Secret)(authed));
  root.handle("/links/", requireAuth(Secret)(authed));
  return recoverer(root);
}

/** The handler the API explorer talks to. */
export const handler = newService(
  new MemoryStore([{ code: "go", url: "https://go.dev/", owner: "gopher", createdAt: time.unix(946684800, 0) }]),
);
