import * as http from "go/net/http";
import type { Handler, Middleware, Request } from "go/net/http";
import { newMux } from "./app";
import { SECRET, authenticate, identityFrom } from "./identity";

/** A Permission names one thing a caller may do, e.g. "products:delete". */
export type Permission = string;

/** Roles maps each role to the permissions it grants. */
export type Roles = Readonly<Record<string, readonly Permission[]>>;

/** A Policy maps a route (its ServeMux pattern, "GET /products/{id}") to the permission it requires. */
export type Policy = Readonly<Record<string, Permission>>;

/** A RouteFunc names the route a request will take: its ServeMux pattern, or "" if no route matches. */
export type RouteFunc = (r: Request) => string;

/** The shop's roles. */
export const roles: Roles = {
  viewer: ["products:read"],
  editor: ["products:read", "products:write"],
  admin: ["products:read", "products:write", "products:delete", "audit:read"],
};

/** The shop's policy: one permission per route. A route missing here is closed to everyone. */
export const policy: Policy = {
  "GET /products": "products:read",
  "GET /products/{id}": "products:read",
  "POST /products": "products:write",
  "DELETE /products/{id}": "products:delete",
  "GET /admin/audit": "audit:read",
};

// own looks a key up in a plain object without falling through to Object.prototype
// ("constructor", "__proto__" and "toString" are keys of every object).
function own<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}

/** allowed reports whether role grants perm in roles. A role that is not in the table grants nothing. */
export function allowed(roles: Roles, role: string, perm: Permission): boolean {
  return (roles[role] ?? []).includes(perm);
}

/**
 * authorize returns middleware that lets a request through only if its
 * caller may take its route:
 *
 * - no identity in the context: 401 {"error": "authentication required"}
 *   with WWW-Authenticate: Bearer realm="shop";
 * - a route with no policy entry, or a role without the route's
 *   permission: 403 {"error": "forbidden"}.
 *
 * A refused request never reaches next.
 */
export function authorize(policy: Policy, roles: Roles, route: RouteFunc): Middleware {
  return (next) =>
    http.handlerFunc((w, r) => {
      const who = identityFrom(r.context());
      if (who === null) {
        w.header().set("WWW-Authenticate", 'Bearer realm="shop"');
        http.writeJSON(w, http.StatusUnauthorized, { error: "authentication required" });
        return;
      }
      const perm = own(policy, route(r));
      if (perm === undefined || !allowed(roles, who.role, perm)) {
        http.writeJSON(w, http.StatusForbidden, { error: "forbidden" });
        return;
      }
      return next.serveHTTP(w, r);
    });
}

/** newServer returns the shop's routes behind authenticate and authorize. */
export function newServer(): Handler {
  const mux = newMux();
  // Go: _, pattern := mux.Handler(r). The pattern, not the path: "/products/7" is "GET /products/{id}".
  const route: RouteFunc = (r) => mux.handler(r)[1];
  return http.chain(authenticate(SECRET), authorize(policy, roles, route))(mux);
}

/** The handler the API explorer talks to. Get a token with tokenFor (identity.ts) and send "Authorization: Bearer <token>". */
export const handler = newServer();
