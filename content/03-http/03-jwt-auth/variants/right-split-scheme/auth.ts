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

const userKey = Symbol("user");

/** claimsFrom returns the verified claims stored by requireAuth, or null. */
export function claimsFrom(ctx: Context): UserClaims | null {
  const c = ctx.value(userKey);
  return c === undefined ? null : (c as UserClaims);
}

/** refuse answers with a JSON error; 401s carry the challenge, 403s do not. */
function refuse(w: ResponseWriter, status: number, error: string, challenge = ""): void {
  if (challenge !== "") w.header().set("WWW-Authenticate", challenge);
  http.writeJSON(w, status, { error });
}

/** bearerToken returns the token of "Authorization: Bearer <token>", or "" (Go: strings.Cut + EqualFold). */
function bearerToken(header: string): string {
  const parts = header.split(" ").filter((p) => p !== "");
  if (parts.length !== 2 || parts[0]!.toLowerCase() !== "bearer") return "";
  return parts[1]!;
}

/** description is the RFC 6750 error_description for a refused token. */
function description(err: jwt.TokenError): string {
  switch (true) {
    case err.is(jwt.ErrTokenExpired):
      return "token is expired";
    case err.is(jwt.ErrTokenSignatureInvalid):
      return "token signature is invalid";
    case err.is(jwt.ErrTokenUnverifiable):
      return "token is unverifiable";
    case err.is(jwt.ErrTokenMalformed):
      return "token is malformed";
    default:
      return err.kind.message;
  }
}

/**
 * requireAuth lets a request through only with "Authorization: Bearer <token>"
 * whose token jwt.verify accepts; it stores the claims in the context.
 * Otherwise: 401 with a WWW-Authenticate challenge and a JSON error.
 */
export function requireAuth(secret: string): Middleware {
  return (next) =>
    http.handlerFunc((w, r) => {
      const raw = bearerToken(r.header.get("Authorization"));
      if (raw === "") return refuse(w, 401, "missing bearer token", `Bearer realm="${REALM}"`);
      try {
        const claims = jwt.verify<UserClaims>(raw, secret);
        return next.serveHTTP(w, r.withContext(withValue(r.context(), userKey, claims)));
      } catch (err) {
        if (!(err instanceof jwt.TokenError)) throw err;
        const challenge = `Bearer realm="${REALM}", error="invalid_token", error_description="${description(err)}"`;
        return refuse(w, 401, err.message, challenge);
      }
    });
}

/** requireRole lets through only requests whose claims have the role: 403 otherwise. */
export function requireRole(role: string): Middleware {
  return (next) =>
    http.handlerFunc((w, r) => {
      const claims = claimsFrom(r.context());
      if (claims?.role === role) return next.serveHTTP(w, r);
      if (claims === null) return refuse(w, 401, "missing bearer token", `Bearer realm="${REALM}"`);
      return refuse(w, 403, `forbidden: requires role ${role}`);
    });
}
