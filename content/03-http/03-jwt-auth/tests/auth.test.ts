import { describe, expect, it } from "vitest";
import * as http from "go/net/http";
import type { Header, Response } from "go/net/http";
import { newRecorder, newRequest, newServer } from "go/net/http/httptest";
import * as jwt from "go/net/http/jwt";
import { run } from "go/testing/synctest";
import * as time from "go/time";
import { SECRET, newApp } from "./app";
import { claimsFrom, requireAuth, requireRole } from "./auth";

const b64 = (o: unknown) => btoa(JSON.stringify(o)).replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_");

/** What the client received: read from w.result(), never from the live header map. */
interface Reply {
  status: number;
  header: Header;
  body: string;
}

/** A handler that records each call and the claims it found, so a test can prove a refused request never reached it. */
function spy() {
  const s = {
    calls: 0,
    claims: null as { sub: string; role: string } | null,
    handler: http.handlerFunc((w, r) => {
      s.calls++;
      const c = claimsFrom(r.context());
      s.claims = c && { sub: c.sub, role: c.role };
      w.writeHeader(http.StatusNoContent);
    }),
  };
  return s;
}

/** serve runs h on one request with the given headers and returns what the client received. */
async function serve(h: http.Handler, headers: Record<string, string> = {}): Promise<Reply> {
  const r = newRequest("DELETE", "/products/1");
  for (const [k, v] of Object.entries(headers)) r.header.set(k, v);
  const w = newRecorder();
  await h.serveHTTP(w, r);
  const res = w.result();
  return { status: res.statusCode, header: res.header, body: await res.text() };
}

/** reply turns a client Response into a Reply. */
async function reply(res: Response): Promise<Reply> {
  return { status: res.statusCode, header: res.header, body: await res.text() };
}

async function login(srv: ReturnType<typeof newServer>, user: string, password: string): Promise<string> {
  const res = await srv.postJSON("/login", { user, password });
  expect(res.statusCode, `POST /login as ${user} answered ${res.statusCode}; app.ts logs users in with 200`).toBe(200);
  return ((await res.json()) as { token: string }).token;
}

function bearer(token: string): Record<string, string> {
  return { Authorization: `Bearer ${token}` };
}

function json(r: Reply): unknown {
  try {
    return JSON.parse(r.body);
  } catch {
    return `not JSON: ${JSON.stringify(r.body)}`;
  }
}

/** expect401 checks a refusal that asks the client to (re)authenticate. */
function expect401(res: Reply, challenge: string, error: string) {
  expect(res.status, `answered ${res.status}; a missing or bad token is 401 (who are you?), not 403`).toBe(401);
  expect(
    res.header.get("WWW-Authenticate"),
    "a 401 carries the WWW-Authenticate challenge, set before the body is written",
  ).toBe(challenge);
  expect(json(res), "the JSON error body").toEqual({ error });
}

const missing = 'Bearer realm="shop"';
const invalid = (desc: string) => `Bearer realm="shop", error="invalid_token", error_description="${desc}"`;
const token = (role: string) => jwt.sign({ sub: "kim", role }, SECRET, { expiresIn: time.Hour });

describe("Task 1: 401 without credentials", () => {
  it("no Authorization header: 401, and the handler never runs", async () => {
    await run(async () => {
      const next = spy();
      expect401(await serve(requireAuth(SECRET)(next.handler)), missing, "missing bearer token");
      expect(next.calls, "requireAuth wrote a 401 and still called the handler: return after refusing").toBe(0);
    });
  });

  for (const value of ["Basic YW5hOmdvcGhlcg==", "Bearer", "Bearer ", "Token abc", "abc"]) {
    it(`Authorization: ${JSON.stringify(value)}`, async () => {
      await run(async () => {
        const next = spy();
        expect401(
          await serve(requireAuth(SECRET)(next.handler), { Authorization: value }),
          missing,
          "missing bearer token",
        );
        expect(next.calls, "a request without a bearer token must never reach the handler").toBe(0);
      });
    });
  }

  it("through the app: GET /me without a token", async () => {
    await run(async () => {
      expect401(await reply(await newServer(newApp()).get("/me")), missing, "missing bearer token");
    });
  });
});

describe("Task 2: valid tokens in, expired and forged tokens out", () => {
  it("a valid token reaches the handler with its claims in the context", async () => {
    await run(async () => {
      const next = spy();
      const res = await serve(requireAuth(SECRET)(next.handler), bearer(token("customer")));
      expect(next.calls, `requireAuth called the handler ${next.calls} times for a valid token; once`).toBe(1);
      expect(res.status, "the handler's own reply reaches the client").toBe(204);
      expect(next.claims, "claimsFrom(r.context()) must return the verified claims downstream").toEqual({
        sub: "kim",
        role: "customer",
      });
    });
  });

  it("a token from /login opens /me", async () => {
    await run(async () => {
      const srv = newServer(newApp());
      const tok = await login(srv, "bo", "channels");
      const res = await reply(await srv.get("/me", bearer(tok)));
      expect(res.status, `GET /me with bo's token answered ${res.status}; a signed-in user gets 200`).toBe(200);
      expect(json(res), "/me reads the claims requireAuth stored").toEqual({ user: "bo", role: "customer" });
    });
  });

  it("the scheme name is case-insensitive", async () => {
    await run(async () => {
      const next = spy();
      await serve(requireAuth(SECRET)(next.handler), { Authorization: `bearer ${token("customer")}` });
      expect(next.calls, '"bearer" is the same scheme as "Bearer" (RFC 7235: schemes are case-insensitive)').toBe(1);
    });
  });

  it("an expired token is a 401 (tokens last one hour)", async () => {
    await run(async () => {
      const srv = newServer(newApp());
      const tok = await login(srv, "bo", "channels");
      await time.sleep(59 * time.Minute);
      const early = await srv.get("/me", bearer(tok));
      expect(early.statusCode, "after 59 minutes the one-hour token is still valid").toBe(200);
      await time.sleep(time.Minute);
      expect401(await reply(await srv.get("/me", bearer(tok))), invalid("token is expired"), "token is expired");
    });
  });

  const refused: [name: string, make: () => string, desc: string, error: string][] = [
    [
      "a token signed with another secret",
      () => jwt.sign({ sub: "bo", role: "admin" }, "not-the-secret", { expiresIn: time.Hour }),
      "token signature is invalid",
      "token signature is invalid",
    ],
    [
      "a token whose claims were edited",
      () => {
        const [h, , s] = token("customer").split(".");
        return `${h}.${b64({ sub: "kim", role: "admin" })}.${s}`;
      },
      "token signature is invalid",
      "token signature is invalid",
    ],
    [
      'alg "none"',
      () => `${b64({ alg: "none", typ: "JWT" })}.${b64({ sub: "ana", role: "admin" })}.`,
      "token is unverifiable",
      'token is unverifiable: alg "none" is not allowed',
    ],
    [
      "garbage",
      () => "not-a-jwt",
      "token is malformed",
      "token is malformed: token contains an invalid number of segments",
    ],
  ];
  for (const [name, make, desc, error] of refused) {
    it(`${name} is a 401, and the handler never runs`, async () => {
      await run(async () => {
        const next = spy();
        expect401(await serve(requireAuth(SECRET)(next.handler), bearer(make())), invalid(desc), error);
        expect(next.calls, "requireAuth refused the token and still called the handler: return after refusing").toBe(0);
      });
    });
  }
});

describe("Task 3: 403 for the wrong role", () => {
  const guarded = (next: http.Handler, role = "admin") => http.chain(requireAuth(SECRET), requireRole(role))(next);

  it("a customer gets 403, and the admin handler never runs", async () => {
    await run(async () => {
      const next = spy();
      const res = await serve(guarded(next.handler), bearer(token("customer")));
      expect(res.status, `a customer on an admin route got ${res.status}; signed in but not allowed is 403`).toBe(403);
      expect(res.header.has("WWW-Authenticate"), "403 has no WWW-Authenticate: a new token would not help").toBe(false);
      expect(json(res), "the JSON error body").toEqual({ error: "forbidden: requires role admin" });
      expect(next.calls, "requireRole wrote 403 and still ran the handler: return after refusing").toBe(0);
    });
  });

  it("the message names the role that was required", async () => {
    await run(async () => {
      const res = await serve(guarded(spy().handler, "editor"), bearer(token("admin")));
      expect([res.status, json(res)], 'requireRole("editor") refuses an admin').toEqual([
        403,
        { error: "forbidden: requires role editor" },
      ]);
    });
  });

  it("an admin reaches the handler", async () => {
    await run(async () => {
      const next = spy();
      const res = await serve(guarded(next.handler), bearer(token("admin")));
      expect(next.calls, "an admin token must reach the admin handler exactly once").toBe(1);
      expect(res.status, "the handler's 204 reaches the client").toBe(204);
    });
  });

  it("requireRole alone, with no claims in the context, is a 401 and fails closed", async () => {
    await run(async () => {
      const next = spy();
      expect401(
        await serve(requireRole("admin")(next.handler), bearer(token("admin"))),
        missing,
        "missing bearer token",
      );
      expect(next.calls, "no verified claims means no entry: requireRole must not let the request through").toBe(0);
    });
  });

  it("through the app: a customer may not delete, an admin may, no token is a 401", async () => {
    await run(async () => {
      const srv = newServer(newApp());
      const del = async (headers?: Record<string, string>) =>
        reply(await srv.request("DELETE", "/products/1", undefined, headers));
      const customer = await del(bearer(await login(srv, "bo", "channels")));
      const admin = await del(bearer(await login(srv, "ana", "gopher")));
      expect([customer.status, admin.status], "DELETE /products/1 as bo (customer), then as ana (admin)").toEqual([
        403, 204,
      ]);
      expect401(await del(), missing, "missing bearer token");
    });
  });
});
