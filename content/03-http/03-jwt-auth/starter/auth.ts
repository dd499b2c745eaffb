import type { Context } from "go/context";
import * as http from "go/net/http";
import type { Middleware } from "go/net/http";
import * as jwt from "go/net/http/jwt";

/** The claims our tokens carry. */
export interface UserClaims extends jwt.Claims {
  sub: string;
  role: string;
}

/** The realm named in WWW-Authenticate challenges. */
export const REALM = "shop";

/** claimsFrom returns the verified claims stored by requireAuth, or null. */
export function claimsFrom(ctx: Context): UserClaims | null {
  void ctx;
  return null; // TODO
}

/**
 * requireAuth lets a request through only with "Authorization: Bearer <token>"
 * whose token jwt.verify accepts; it stores the claims in the context.
 * Otherwise: 401 with a WWW-Authenticate challenge and a JSON error.
 */
export function requireAuth(secret: string): Middleware {
  void secret;
  void jwt.verify;
  return (next) => next; // TODO
}

/** requireRole lets through only requests whose claims have the role: 403 otherwise. */
export function requireRole(role: string): Middleware {
  void role;
  void http.StatusForbidden;
  return (next) => next; // TODO
}
