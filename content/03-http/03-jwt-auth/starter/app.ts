// The shop's API with login. You do not need to change this file.
import * as http from "go/net/http";
import * as jwt from "go/net/http/jwt";
import * as time from "go/time";
import { claimsFrom, requireAuth, requireRole } from "./auth";

/** The signing secret (load it from the environment in real life). */
export const SECRET = "correct-horse-battery-staple";

/** The shop's users. Never store plain passwords: this is a toy. */
const users: Record<string, { password: string; role: string }> = {
  ana: { password: "gopher", role: "admin" },
  bo: { password: "channels", role: "customer" },
};

/**
 * newApp returns the API:
 *   POST   /login          {"user", "password"} -> {"token"} valid for 1 hour
 *   GET    /me             any signed-in user: {"user", "role"}
 *   DELETE /products/{id}  admins only: 204
 */
export function newApp(secret: string = SECRET): http.Handler {
  const mux = http.newServeMux();
  const auth = requireAuth(secret);

  mux.handleFunc("POST /login", async (w, r) => {
    let creds;
    try {
      creds = await http.decodeJSON(r, { fields: { user: "string", password: "string" } });
    } catch (err) {
      if (!(err instanceof http.DecodeError)) throw err;
      http.writeJSON(w, err.status, { error: err.message });
      return;
    }
    const u = users[creds.user];
    if (!u || u.password !== creds.password) {
      http.writeJSON(w, http.StatusUnauthorized, { error: "wrong user or password" });
      return;
    }
    const token = jwt.sign({ sub: creds.user, role: u.role }, secret, { expiresIn: time.Hour });
    http.writeJSON(w, http.StatusOK, { token });
  });

  mux.handle(
    "GET /me",
    auth(
      http.handlerFunc((w, r) => {
        const c = claimsFrom(r.context());
        http.writeJSON(w, http.StatusOK, { user: c?.sub ?? null, role: c?.role ?? null });
      }),
    ),
  );

  mux.handle(
    "DELETE /products/{id}",
    http.chain(
      auth,
      requireRole("admin"),
    )(
      http.handlerFunc((w) => {
        w.writeHeader(http.StatusNoContent);
      }),
    ),
  );

  return mux;
}

/** The handler the API explorer talks to. POST /login first, then send "Authorization: Bearer <token>". */
export const handler = newApp();
