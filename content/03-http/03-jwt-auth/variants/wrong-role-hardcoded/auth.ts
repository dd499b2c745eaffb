import type { Context } from "go/context";
import { withValue } from "go/context";
import * as http from "go/net/http";
import type { Middleware, ResponseWriter } from "go/net/http";
import * as jwt from "go/net/http/jwt";

/** The claims our tokens carry. */
export interface UserClaims extends jwt.Claims {
  sub: string;
  role: string;
}

/** The realm named in WWW-Authenticate challenges. */
export const REALM = "shop";

const claimsKey = Symbol("claims");

/** claimsFrom returns the verified claims stored by requireAuth, or null. */
export function claimsFrom(ctx: Context): UserClaims | null {
  return (ctx.value(claimsKey) as UserClaims | undefined) ?? null;
}

function unauthorized(w: ResponseWriter, challenge: string, msg: string): void {
  w.header().set("WWW-Authenticate", challenge);
  http.writeJSON(w, http.StatusUnauthorized, { error: msg });
}

/**
 * requireAuth lets a request through only with "Authorization: Bearer <token>"
 * whose token jwt.verify accepts; it stores the claims in the context.
 * Otherwise: 401 with a WWW-Authenticate challenge and a JSON error.
 */
export function requireAuth(secret: string): Middleware {
  return (next) =>
    http.handlerFunc((w, r) => {
      const m = /^Bearer +(\S+)$/i.exec(r.header.get("Authorization"));
      if (!m) {
        unauthorized(w, `Bearer realm="${REALM}"`, "missing bearer token");
        return;
      }
      let claims: UserClaims;
      try {
        claims = jwt.verify<UserClaims>(m[1]!, secret);
      } catch (err) {
        if (!(err instanceof jwt.TokenError)) throw err;
        unauthorized(
          w,
          `Bearer realm="${REALM}", error="invalid_token", error_description="${err.kind.message}"`,
          err.message,
        );
        return;
      }
      if (typeof claims.sub !== "string" || typeof claims.role !== "string") {
        unauthorized(
          w,
          `Bearer realm="${REALM}", error="invalid_token", error_description="token has invalid claims"`,
          "token has invalid claims",
        );
        return;
      }
      return next.serveHTTP(w, r.withContext(withValue(r.context(), claimsKey, claims)));
    });
}

/** requireRole lets through only requests whose claims have the role: 403 otherwise. */
export function requireRole(role: string): Middleware {
  void role; // the starter's placeholder, left in
  return (next) =>
    http.handlerFunc((w, r) => {
      const claims = claimsFrom(r.context());
      if (!claims) {
        unauthorized(w, `Bearer realm="${REALM}"`, "missing bearer token");
        return;
      }
      if (claims.role !== "admin") {
        http.writeJSON(w, http.StatusForbidden, { error: "forbidden: requires role admin" });
        return;
      }
      return next.serveHTTP(w, r);
    });
}
