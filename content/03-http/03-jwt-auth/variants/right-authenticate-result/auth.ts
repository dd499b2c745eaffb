import type { Context } from "go/context";
import { withValue } from "go/context";
import * as http from "go/net/http";
import type { Handler, Middleware, Request, ResponseWriter } from "go/net/http";
import * as jwt from "go/net/http/jwt";

/** The claims our tokens carry. */
export interface UserClaims extends jwt.Claims {
  sub: string;
  role: string;
}

/** The realm named in WWW-Authenticate challenges. */
export const REALM = "shop";

// Go: type claimsKey struct{}.
class claimsKey {}
const key = new claimsKey();

/** claimsFrom returns the verified claims stored by requireAuth, or null. */
export function claimsFrom(ctx: Context): UserClaims | null {
  const v = ctx.value(key);
  return v ? (v as UserClaims) : null;
}

/** A refusal: the status, the challenge ("" for none) and the message for the client. */
interface Refusal {
  status: number;
  challenge: string;
  message: string;
}

const noCredentials: Refusal = {
  status: http.StatusUnauthorized,
  challenge: `Bearer realm="${REALM}"`,
  message: "missing bearer token",
};

/** authenticate returns the verified claims of r's bearer token, or why it is refused (Go: (claims, error)). */
function authenticate(r: Request, secret: string): [UserClaims, null] | [null, Refusal] {
  const auth = r.header.get("Authorization");
  const space = auth.indexOf(" ");
  const scheme = space < 0 ? auth : auth.slice(0, space);
  const raw = space < 0 ? "" : auth.slice(space + 1).trim();
  if (scheme.toLowerCase() !== "bearer" || raw === "" || /\s/.test(raw)) return [null, noCredentials];
  try {
    return [jwt.verify<UserClaims>(raw, secret), null];
  } catch (e) {
    if (!(e instanceof jwt.TokenError)) throw e;
    const challenge = `Bearer realm="${REALM}", error="invalid_token", error_description="${e.kind.message}"`;
    return [null, { status: http.StatusUnauthorized, challenge, message: e.message }];
  }
}

function send(w: ResponseWriter, f: Refusal): void {
  if (f.challenge) w.header().set("WWW-Authenticate", f.challenge);
  http.writeJSON(w, f.status, { error: f.message });
}

class authHandler implements Handler {
  constructor(
    private readonly secret: string,
    private readonly next: Handler,
  ) {}
  async serveHTTP(w: ResponseWriter, r: Request): Promise<void> {
    const [claims, refusal] = authenticate(r, this.secret);
    if (refusal) {
      send(w, refusal);
    } else {
      await this.next.serveHTTP(w, r.withContext(withValue(r.context(), key, claims)));
    }
  }
}

class roleHandler implements Handler {
  constructor(
    private readonly role: string,
    private readonly next: Handler,
  ) {}
  async serveHTTP(w: ResponseWriter, r: Request): Promise<void> {
    const claims = claimsFrom(r.context());
    if (!claims) {
      send(w, noCredentials);
    } else if (claims.role !== this.role) {
      send(w, { status: http.StatusForbidden, challenge: "", message: `forbidden: requires role ${this.role}` });
    } else {
      await this.next.serveHTTP(w, r);
    }
  }
}

/**
 * requireAuth lets a request through only with "Authorization: Bearer <token>"
 * whose token jwt.verify accepts; it stores the claims in the context.
 * Otherwise: 401 with a WWW-Authenticate challenge and a JSON error.
 */
export function requireAuth(secret: string): Middleware {
  return (next) => new authHandler(secret, next);
}

/** requireRole lets through only requests whose claims have the role: 403 otherwise. */
export function requireRole(role: string): Middleware {
  return (next) => new roleHandler(role, next);
}
