import * as http from "go/net/http";
import type { Handler, Middleware, Request, ResponseWriter } from "go/net/http";
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

/** allowed reports whether role grants perm in roles. A role that is not in the table grants nothing. */
export function allowed(roles: Roles, role: string, perm: Permission): boolean {
  // A Map built from the table's own entries has no prototype keys.
  const perms = new Map(Object.entries(roles)).get(role);
  return perms?.includes(perm) ?? false;
}

/** authorizer is authorize as a struct with a ServeHTTP method, its role table indexed once into sets. */
class authorizer implements Handler {
  private readonly grants: Map<string, Set<Permission>>;
  private readonly routes: Map<string, Permission>;
  constructor(
    policy: Policy,
    roles: Roles,
    private readonly route: RouteFunc,
    private readonly next: Handler,
  ) {
    this.grants = new Map(Object.entries(roles).map(([role, perms]) => [role, new Set(perms)]));
    this.routes = new Map(Object.entries(policy));
  }

  async serveHTTP(w: ResponseWriter, r: Request): Promise<void> {
    const who = identityFrom(r.context());
    if (!who) {
      w.header().set("WWW-Authenticate", 'Bearer realm="shop"');
      return http.writeJSON(w, http.StatusUnauthorized, { error: "authentication required" });
    }
    const need = this.routes.get(this.route(r));
    const has = this.grants.get(who.role);
    if (need === undefined || has === undefined || !has.has(need)) {
      return http.writeJSON(w, http.StatusForbidden, { error: "forbidden" });
    }
    await this.next.serveHTTP(w, r);
  }
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
  return (next) => new authorizer(policy, roles, route, next);
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
