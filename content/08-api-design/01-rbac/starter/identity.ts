// Who is calling: bearer tokens turned into an identity. You do not need to change this file.
import type { Context } from "go/context";
import { withValue } from "go/context";
import * as http from "go/net/http";
import type { Middleware } from "go/net/http";
import * as jwt from "go/net/http/jwt";
import * as time from "go/time";

/** The signing secret (load it from the environment in real life). */
export const SECRET = "correct-horse-battery-staple";

/** An Identity is a verified caller: the token's subject and role. */
export interface Identity {
  readonly sub: string;
  readonly role: string;
}

// Go: type identityKey struct{}. A private symbol nobody else can collide with.
const identityKey = Symbol("identity");

/** identityFrom returns the identity authenticate stored in ctx, or null if the caller is anonymous. */
export function identityFrom(ctx: Context): Identity | null {
  const id = ctx.value(identityKey);
  return id === undefined ? null : (id as Identity);
}

/**
 * authenticate verifies the request's bearer token, if any, and stores the
 * caller's identity in the context. It never refuses a request: a missing,
 * expired or forged token just leaves the request anonymous, and authorize
 * decides what an anonymous caller may do (nothing).
 */
export function authenticate(secret: string): Middleware {
  return (next) =>
    http.handlerFunc((w, r) => {
      const m = /^Bearer +(\S+)$/i.exec(r.header.get("Authorization"));
      if (m) {
        try {
          const c = jwt.verify(m[1]!, secret);
          if (typeof c.sub === "string" && c.sub !== "" && typeof c.role === "string") {
            r = r.withContext(withValue(r.context(), identityKey, { sub: c.sub, role: c.role }));
          }
        } catch (err) {
          if (!(err instanceof jwt.TokenError)) throw err;
        }
      }
      return next.serveHTTP(w, r);
    });
}

/** tokenFor signs a token for sub with role, valid for ttl (one hour by default). */
export function tokenFor(sub: string, role: string, ttl: number = time.Hour): string {
  return jwt.sign({ sub, role }, SECRET, { expiresIn: ttl });
}
