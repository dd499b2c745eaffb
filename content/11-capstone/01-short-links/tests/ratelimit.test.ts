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

/** create POSTs {"url", "code"?} as user. */
function create(h: http.Handler, user: string, url: string, code?: string): Promise<Reply> {
  return call(h, "POST", "/links", user, JSON.stringify(code === undefined ? { url } : { url, code }));
}

/** seeded returns a store holding the link go -> https://go.dev/ owned by ana. */
function seeded(): MemoryStore {
  return new MemoryStore([{ code: "go", url: "https://go.dev/", owner: "ana", createdAt: time.now() }]);
}

describe("Task 3: a creation limit per user", () => {
  it("a user creates 5 links at once, then gets 429 with Retry-After", async () => {
    await run(async () => {
      const store = new MemoryStore();
      const h = newService(store);
      const got = [];
      for (let i = 0; i < 5; i++) got.push((await create(h, "ana", `https://example.com/${i}`)).status);
      const refused = await create(h, "ana", "https://example.com/6");
      expect(got, "the burst is 5").toEqual([201, 201, 201, 201, 201]);
      expect(refused.status, `the sixth link at once answered ${refused.status}; expected 429`).toBe(429);
      expect(refused.retryAfter, "the next token is 10s away").toBe("10");
      expect(refused.body, "the 429 explains itself").toBe('{"error":"too many links; slow down"}\n');
      expect(store.calls.writes, "a refused request never reaches the store").toBe(5);
    });
  });

  it("Retry-After counts down, and waiting it out works", async () => {
    await run(async () => {
      const h = newService(new MemoryStore());
      for (let i = 0; i < 5; i++) await create(h, "ana", `https://example.com/${i}`);
      await time.sleep(4 * time.Second);
      const early = await create(h, "ana", "https://example.com/a");
      await time.sleep(6 * time.Second);
      const onTime = await create(h, "ana", "https://example.com/b");
      expect(early.retryAfter, "4s after the burst, the next token is 6s away").toBe("6");
      expect(onTime.status, "a client that waited Retry-After gets through; refusals must not spend tokens").toBe(201);
    });
  });

  it("each user has their own limit", async () => {
    await run(async () => {
      const h = newService(new MemoryStore());
      for (let i = 0; i < 6; i++) await create(h, "ana", `https://example.com/${i}`);
      const bob = await create(h, "bob", "https://example.com/bob");
      expect(
        bob.status,
        "ana used up her links; bob must not be limited by her (limit after requireAuth, per user)",
      ).toBe(201);
    });
  });

  it("redirects are not limited", async () => {
    await run(async () => {
      const h = newService(seeded());
      const got = new Set<number>();
      for (let i = 0; i < 12; i++) got.add((await call(h, "GET", "/r/go")).status);
      expect([...got], "the limit is on creating links; resolving stays free").toEqual([302]);
    });
  });
});
