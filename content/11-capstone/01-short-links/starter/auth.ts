// Authentication, as built in the JWT lesson. You do not need to change this file.
import type { Context } from "go/context";
import { withValue } from "go/context";
import * as http from "go/net/http";
import type { Middleware } from "go/net/http";
import * as jwt from "go/net/http/jwt";

/** Secret signs the service's tokens (in production: from the environment, never in code). */
export const Secret = "short-links-capstone-secret";

/**
 * DemoToken is a token for the user "ana", signed with Secret and without an
 * expiry, for trying the API explorer: send "Authorization: Bearer " + DemoToken.
 * A real service never ships a token, let alone one that never expires.
 */
export const DemoToken =
  "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJhbmEifQ.4Dv5N3SOyG4h7Uul0Kpa2UodHKgHqO_JlYv_PSN3kr8";

const userKey = Symbol("user");

/** userFrom returns the user stored by requireAuth, or "" if the request was not authenticated. */
export function userFrom(ctx: Context): string {
  return (ctx.value(userKey) as string | undefined) ?? "";
}

/**
 * requireAuth lets a request through only with "Authorization: Bearer <token>"
 * holding a valid HS256 token with a "sub" claim, and stores the user in the
 * context. Otherwise: 401 with a WWW-Authenticate challenge.
 */
export function requireAuth(secret: string): Middleware {
  return (next) =>
    http.handlerFunc((w, r) => {
      const m = /^Bearer +(\S+)$/i.exec(r.header.get("Authorization"));
      let user = "";
      if (m) {
        try {
          const claims = jwt.verify(m[1]!, secret);
          if (typeof claims.sub === "string") user = claims.sub;
        } catch (err) {
          if (!(err instanceof jwt.TokenError)) throw err;
        }
      }
      if (user === "") {
        w.header().set("WWW-Authenticate", 'Bearer realm="links"');
        http.writeJSON(w, http.StatusUnauthorized, { error: "authentication required" });
        return;
      }
      return next.serveHTTP(w, r.withContext(withValue(r.context(), userKey, user)));
    });
}
