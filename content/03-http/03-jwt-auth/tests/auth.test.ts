import { describe, expect, it } from "vitest";
import type { Response } from "go/net/http";
import { newServer } from "go/net/http/httptest";
import * as jwt from "go/net/http/jwt";
import { run } from "go/testing/synctest";
import * as time from "go/time";
import { newApp } from "./app";

const b64 = (o: unknown) => btoa(JSON.stringify(o)).replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_");

async function login(srv: ReturnType<typeof newServer>, user: string, password: string): Promise<string> {
  const res = await srv.postJSON("/login", { user, password });
  expect(res.statusCode).toBe(200);
  return ((await res.json()) as { token: string }).token;
}

function bearer(token: string): Record<string, string> {
  return { Authorization: `Bearer ${token}` };
}

async function expect401(res: Response, challenge: string, error: string) {
  expect(res.statusCode).toBe(401);
  expect(res.header.get("WWW-Authenticate")).toBe(challenge);
  expect(await res.json()).toEqual({ error });
}

const invalid = (desc: string) => `Bearer realm="shop", error="invalid_token", error_description="${desc}"`;

describe("Task 1: 401 without credentials", () => {
  it("no Authorization header", async () => {
    await run(async () => {
      const res = await newServer(newApp()).get("/me");
      await expect401(res, 'Bearer realm="shop"', "missing bearer token");
    });
  });

  for (const value of ["Basic YW5hOmdvcGhlcg==", "Bearer", "Bearer ", "Token abc"]) {
    it(`Authorization: ${JSON.stringify(value)}`, async () => {
      await run(async () => {
        const res = await newServer(newApp()).get("/me", { Authorization: value });
        await expect401(res, 'Bearer realm="shop"', "missing bearer token");
      });
    });
  }
});

describe("Task 2: valid tokens in, expired and forged tokens out", () => {
  it("a token from /login opens /me", async () => {
    await run(async () => {
      const srv = newServer(newApp());
      const token = await login(srv, "bo", "channels");
      const res = await srv.get("/me", bearer(token));
      expect(res.statusCode).toBe(200);
      expect(await res.json()).toEqual({ user: "bo", role: "customer" });
    });
  });

  it("the scheme name is case-insensitive", async () => {
    await run(async () => {
      const srv = newServer(newApp());
      const token = await login(srv, "bo", "channels");
      expect((await srv.get("/me", { Authorization: `bearer ${token}` })).statusCode).toBe(200);
    });
  });

  it("an expired token is a 401 (tokens last one hour)", async () => {
    await run(async () => {
      const srv = newServer(newApp());
      const token = await login(srv, "bo", "channels");
      await time.sleep(59 * time.Minute);
      expect((await srv.get("/me", bearer(token))).statusCode).toBe(200);
      await time.sleep(time.Minute);
      await expect401(await srv.get("/me", bearer(token)), invalid("token is expired"), "token is expired");
    });
  });

  it("a token signed with another secret is a 401", async () => {
    await run(async () => {
      const forged = jwt.sign({ sub: "bo", role: "admin" }, "not-the-secret", { expiresIn: time.Hour });
      const res = await newServer(newApp()).get("/me", bearer(forged));
      await expect401(res, invalid("token signature is invalid"), "token signature is invalid");
    });
  });

  it("a token whose claims were edited is a 401", async () => {
    await run(async () => {
      const srv = newServer(newApp());
      const [h, , s] = (await login(srv, "bo", "channels")).split(".");
      const edited = `${h}.${b64({ sub: "bo", role: "admin" })}.${s}`;
      await expect401(
        await srv.get("/me", bearer(edited)),
        invalid("token signature is invalid"),
        "token signature is invalid",
      );
    });
  });

  it('alg "none" is a 401', async () => {
    await run(async () => {
      const none = `${b64({ alg: "none", typ: "JWT" })}.${b64({ sub: "ana", role: "admin" })}.`;
      const res = await newServer(newApp()).get("/me", bearer(none));
      await expect401(res, invalid("token is unverifiable"), 'token is unverifiable: alg "none" is not allowed');
    });
  });

  it("garbage is a 401", async () => {
    await run(async () => {
      const res = await newServer(newApp()).get("/me", bearer("not-a-jwt"));
      await expect401(
        res,
        invalid("token is malformed"),
        "token is malformed: token contains an invalid number of segments",
      );
    });
  });
});

describe("Task 3: 403 for the wrong role", () => {
  it("a customer may not delete products", async () => {
    await run(async () => {
      const srv = newServer(newApp());
      const token = await login(srv, "bo", "channels");
      const res = await srv.request("DELETE", "/products/1", undefined, bearer(token));
      expect(res.statusCode).toBe(403);
      expect(res.header.has("WWW-Authenticate")).toBe(false);
      expect(await res.json()).toEqual({ error: "forbidden: requires role admin" });
    });
  });

  it("an admin may", async () => {
    await run(async () => {
      const srv = newServer(newApp());
      const token = await login(srv, "ana", "gopher");
      const res = await srv.request("DELETE", "/products/1", undefined, bearer(token));
      expect(res.statusCode).toBe(204);
    });
  });

  it("without a token it is still a 401, not a 403", async () => {
    await run(async () => {
      const res = await newServer(newApp()).request("DELETE", "/products/1");
      await expect401(res, 'Bearer realm="shop"', "missing bearer token");
    });
  });
});
