import { describe, expect, it } from "vitest";
import * as http from "go/net/http";
import type { Header } from "go/net/http";
import { newRecorder, newRequest } from "go/net/http/httptest";
import { run } from "go/testing/synctest";
import * as time from "go/time";
import { SECRET, authenticate, tokenFor } from "./identity";
import { allowed, authorize, newServer, policy, roles } from "./rbac";
import type { Policy, Roles } from "./rbac";

/** What the client received: read from w.result(), never from the live header map. */
interface Reply {
  status: number;
  header: Header;
  body: string;
}

/** serve runs h on one request as the holder of token (anonymous if token is "") and returns what the client got. */
async function serve(h: http.Handler, method: string, path: string, token = ""): Promise<Reply> {
  const r = newRequest(method, path);
  if (token !== "") r.header.set("Authorization", `Bearer ${token}`);
  const w = newRecorder();
  await h.serveHTTP(w, r);
  const res = w.result();
  return { status: res.statusCode, header: res.header, body: await res.text() };
}

/** spy returns a handler that counts its calls, to prove a refused request never reached it. */
function spy() {
  const s = {
    calls: 0,
    handler: http.handlerFunc((w) => {
      s.calls++;
      w.writeHeader(http.StatusNoContent);
    }),
  };
  return s;
}

/** guarded puts next behind authenticate and authorize, every request taking `route`. */
function guarded(next: http.Handler, route: string, p: Policy = policy, rs: Roles = roles): http.Handler {
  return http.chain(
    authenticate(SECRET),
    authorize(p, rs, () => route),
  )(next);
}

function json(r: Reply): unknown {
  try {
    return JSON.parse(r.body);
  } catch {
    return `not JSON: ${JSON.stringify(r.body)}`;
  }
}

/** expect403 checks a refusal of a known caller: 403, a JSON body, and no challenge. */
function expect403(res: Reply, what: string) {
  expect(res.status, `${what} answered ${res.status}; a known caller without the permission gets 403`).toBe(403);
  expect(json(res), `${what}: the 403 body`).toEqual({ error: "forbidden" });
  expect(
    res.header.get("WWW-Authenticate"),
    `${what}: a 403 has no WWW-Authenticate challenge, a new token would not help`,
  ).toBe("");
}

describe("Task 1: roles grant permissions", () => {
  const table: [string, string, boolean][] = [
    ["viewer", "products:read", true],
    ["viewer", "products:write", false],
    ["editor", "products:write", true],
    ["editor", "products:delete", false],
    ["admin", "products:delete", true],
    ["admin", "audit:read", true],
  ];
  for (const [role, perm, want] of table) {
    it(`${role} ${want ? "has" : "lacks"} ${perm}`, () => {
      expect(allowed(roles, role, perm), `allowed(roles, "${role}", "${perm}") must follow the roles table`).toBe(want);
    });
  }

  it("an unknown role grants nothing", () => {
    for (const role of ["root", "", "Admin", "viewer "]) {
      expect(allowed(roles, role, "products:read"), `the role ${JSON.stringify(role)} is not in the table`).toBe(false);
    }
  });

  it('"constructor", "__proto__" and "toString" are not roles', () => {
    for (const role of ["constructor", "__proto__", "toString", "hasOwnProperty"]) {
      let got: unknown;
      try {
        got = allowed(roles, role, "products:read");
      } catch (err) {
        got = `a crash: ${String(err)}`;
      }
      expect(
        got,
        `allowed(roles, ${JSON.stringify(role)}, ...) must be false: every object has that key through its prototype; look up own keys only`,
      ).toBe(false);
    }
  });

  it("reads the table it is given", () => {
    const support: Roles = { support: ["tickets:read"] };
    expect(allowed(support, "support", "tickets:read"), "a plugged-in roles table grants its own permissions").toBe(
      true,
    );
    expect(allowed(support, "admin", "products:read"), "roles missing from a plugged-in table grant nothing").toBe(
      false,
    );
  });
});

describe("Task 2: 401 for anonymous callers, 403 for callers without the permission", () => {
  it("no token: 401 with a challenge, and the handler never runs", async () => {
    await run(async () => {
      const next = spy();
      const res = await serve(guarded(next.handler, "DELETE /products/{id}"), "DELETE", "/products/1");
      expect(res.status, `an anonymous request answered ${res.status}; no identity is 401, not 403`).toBe(401);
      expect(res.header.get("WWW-Authenticate"), "a 401 carries the challenge").toBe('Bearer realm="shop"');
      expect(json(res), "the 401 body").toEqual({ error: "authentication required" });
      expect(next.calls, "authorize refused and still called the handler: return after refusing").toBe(0);
    });
  });

  it("an expired token is no identity: 401", async () => {
    await run(async () => {
      const next = spy();
      const tok = tokenFor("ana", "admin", time.Hour);
      await time.sleep(2 * time.Hour);
      const res = await serve(guarded(next.handler, "GET /products"), "GET", "/products", tok);
      expect(res.status, "an expired admin token identifies nobody: 401").toBe(401);
      expect(next.calls, "an expired token must never reach the handler").toBe(0);
    });
  });

  it("without authenticate in front, every request is anonymous", async () => {
    await run(async () => {
      const next = spy();
      const h = authorize(policy, roles, () => "GET /products")(next.handler);
      const res = await serve(h, "GET", "/products", tokenFor("ana", "admin"));
      expect(res.status, "authorize alone finds no identity in the context; that is a 401, never a pass").toBe(401);
      expect(next.calls, "no identity, no handler").toBe(0);
    });
  });

  it("a viewer deleting: 403, and the handler never runs", async () => {
    await run(async () => {
      const next = spy();
      const res = await serve(
        guarded(next.handler, "DELETE /products/{id}"),
        "DELETE",
        "/products/1",
        tokenFor("vi", "viewer"),
      );
      expect403(res, "a viewer's DELETE");
      expect(next.calls, "authorize wrote 403 and still called the handler: the product is gone; return").toBe(0);
    });
  });

  it("an admin deleting reaches the handler once", async () => {
    await run(async () => {
      const next = spy();
      const res = await serve(
        guarded(next.handler, "DELETE /products/{id}"),
        "DELETE",
        "/products/1",
        tokenFor("ana", "admin"),
      );
      expect(next.calls, `an admin's DELETE reached the handler ${next.calls} times; once`).toBe(1);
      expect(res.status, "the handler's own reply reaches the client").toBe(204);
      expect(res.header.get("WWW-Authenticate"), "an allowed request gets no challenge").toBe("");
    });
  });
});

describe("Task 3: deny by default", () => {
  it("a route with no policy entry is closed, even to admins", async () => {
    await run(async () => {
      const next = spy();
      const res = await serve(
        guarded(next.handler, "POST /admin/reindex"),
        "POST",
        "/admin/reindex",
        tokenFor("ana", "admin"),
      );
      expect403(res, "a route nobody wrote a policy for");
      expect(next.calls, "a forgotten policy entry must close the route, not open it").toBe(0);
    });
  });

  it('no route at all (route "") is closed', async () => {
    await run(async () => {
      const next = spy();
      const res = await serve(guarded(next.handler, ""), "PATCH", "/products", tokenFor("ana", "admin"));
      expect403(res, "a request that matches no route");
      expect(next.calls, "no route, no handler").toBe(0);
    });
  });

  it("a role that is not in the table is refused", async () => {
    await run(async () => {
      for (const role of ["root", "", "constructor", "__proto__"]) {
        const next = spy();
        const res = await serve(guarded(next.handler, "GET /products"), "GET", "/products", tokenFor("eve", role));
        expect403(res, `GET /products, token ${JSON.stringify({ role })}`);
        expect(next.calls, `the role ${JSON.stringify(role)} must never reach the handler`).toBe(0);
      }
    });
  });

  it("plugs in any policy and roles", async () => {
    await run(async () => {
      const p: Policy = { "GET /tickets": "tickets:read" };
      const rs: Roles = { support: ["tickets:read"] };
      const next = spy();
      const ok = await serve(
        guarded(next.handler, "GET /tickets", p, rs),
        "GET",
        "/tickets",
        tokenFor("sam", "support"),
      );
      expect(ok.status, "authorize must use the policy and roles it is given").toBe(204);
      const no = await serve(
        guarded(next.handler, "GET /products", p, rs),
        "GET",
        "/products",
        tokenFor("sam", "support"),
      );
      expect403(no, "a route missing from the plugged-in policy");
      expect(next.calls, "only the allowed request reached the handler").toBe(1);
    });
  });
});

describe("Task 4: the whole server", () => {
  const cases: [string, string, string, number][] = [
    ["viewer", "GET", "/products", 200],
    ["viewer", "GET", "/products/7", 200],
    ["viewer", "HEAD", "/products", 200],
    ["viewer", "POST", "/products", 403],
    ["viewer", "DELETE", "/products/7", 403],
    ["editor", "POST", "/products", 201],
    ["editor", "DELETE", "/products/7", 403],
    ["editor", "GET", "/admin/audit", 403],
    ["admin", "DELETE", "/products/7", 204],
    ["admin", "GET", "/admin/audit", 200],
    ["admin", "POST", "/admin/reindex", 403],
    ["admin", "PATCH", "/products", 403],
    ["admin", "GET", "/nope", 403],
    ["", "GET", "/products", 401],
    ["", "GET", "/nope", 401],
  ];
  for (const [role, method, path, want] of cases) {
    it(`${role || "anonymous"}: ${method} ${path} is ${want}`, async () => {
      await run(async () => {
        const res = await serve(newServer(), method, path, role === "" ? "" : tokenFor("kim", role));
        expect(
          res.status,
          role === ""
            ? `anonymous ${method} ${path} answered ${res.status}; no token is 401 on every path`
            : want === 403
              ? `${role} ${method} ${path} answered ${res.status}; the policy does not give this role this route (routes with no policy are closed to all)`
              : `${role} ${method} ${path} answered ${res.status}; the policy is keyed by the route's pattern ("GET /products/{id}"), not its path`,
        ).toBe(want);
      });
    });
  }
});
