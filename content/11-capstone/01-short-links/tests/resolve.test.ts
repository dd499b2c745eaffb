import { describe, expect, it } from "vitest";
import * as http from "go/net/http";
import * as httptest from "go/net/http/httptest";
import * as jwt from "go/net/http/jwt";
import { run } from "go/testing/synctest";
import * as time from "go/time";
import { Secret } from "./auth";
import { newService } from "./server";
import { MemoryStore } from "./store";

/** What the client received, read from w.result(). */
interface Reply {
  status: number;
  location: string;
  retryAfter: string;
  body: string;
}

/** token returns a valid bearer token for user, good for an hour. */
function token(user: string): string {
  return jwt.sign({ sub: user }, Secret, { expiresIn: time.Hour });
}

/** call sends one request to h as user ("" for none) and returns what the client received. */
async function call(h: http.Handler, method: string, path: string, user = "", body?: string): Promise<Reply> {
  const r = httptest.newRequest(method, path, body);
  if (body !== undefined) r.header.set("Content-Type", "application/json");
  if (user !== "") r.header.set("Authorization", `Bearer ${token(user)}`);
  const w = httptest.newRecorder();
  await h.serveHTTP(w, r);
  const res = w.result();
  return {
    status: res.statusCode,
    location: res.header.get("Location"),
    retryAfter: res.header.get("Retry-After"),
    body: await res.text(),
  };
}

/** seeded returns a store holding the link go -> https://go.dev/ owned by ana. */
function seeded(): MemoryStore {
  return new MemoryStore([{ code: "go", url: "https://go.dev/", owner: "ana", createdAt: time.now() }]);
}

describe("Task 2: redirects and stats", () => {
  it("redirects with 302 Found to the link's URL", async () => {
    await run(async () => {
      const res = await call(newService(seeded()), "GET", "/r/go");
      expect(
        res.status,
        `GET /r/go answered ${res.status}; expected 302 (a 301 is cached by browsers, which then never come back)`,
      ).toBe(302);
      expect(res.location, "Location is the link's URL").toBe("https://go.dev/");
    });
  });

  it("an unknown code is a 404", async () => {
    await run(async () => {
      const res = await call(newService(seeded()), "GET", "/r/nope");
      expect([res.status, res.body], "no such link: 404 with a JSON error").toEqual([
        404,
        '{"error":"no such link"}\n',
      ]);
    });
  });

  it("every redirect is counted, and the owner sees the count", async () => {
    await run(async () => {
      const h = newService(seeded());
      for (let i = 0; i < 3; i++) await call(h, "GET", "/r/go");
      const stats = await call(h, "GET", "/links/go/stats", "ana");
      expect(stats.status, `the owner's GET /links/go/stats answered ${stats.status}`).toBe(200);
      expect(JSON.parse(stats.body), "three redirects, three clicks, cached or not").toEqual({
        code: "go",
        url: "https://go.dev/",
        clicks: 3,
      });
    });
  });

  it("stats are for the owner only", async () => {
    await run(async () => {
      const h = newService(seeded());
      const other = await call(h, "GET", "/links/go/stats", "bob");
      const anon = await call(h, "GET", "/links/go/stats");
      const unknown = await call(h, "GET", "/links/nope/stats", "ana");
      expect(other.status, `another user's stats answered ${other.status}; expected 403`).toBe(403);
      expect(anon.status, `stats without a token answered ${anon.status}; expected 401`).toBe(401);
      expect(unknown.status, "stats of an unknown code: 404").toBe(404);
    });
  });
});
