import { describe, expect, it } from "vitest";
import { go } from "go";
import * as context from "go/context";
import * as http from "go/net/http";
import * as httptest from "go/net/http/httptest";
import * as jwt from "go/net/http/jwt";
import { WaitGroup } from "go/sync";
import { explore, run } from "go/testing/synctest";
import * as time from "go/time";
import { Secret } from "./auth";
import { newService } from "./server";
import { MemoryStore } from "./store";
import { HitTTL, MissTTL } from "./cache";

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

describe("Task 4: caching the redirects", () => {
  it("a hot link is read from the store once per HitTTL", async () => {
    await run(async () => {
      const store = seeded();
      const h = newService(store);
      for (let i = 0; i < 3; i++) await call(h, "GET", "/r/go");
      const first = store.calls.reads;
      await time.sleep(HitTTL);
      const last = await call(h, "GET", "/r/go");
      expect(first, "three redirects within a minute: one store read, then the cache").toBe(1);
      expect(store.calls.reads, "after HitTTL the link is read again").toBe(2);
      expect(last.location, "and still redirects to the same place").toBe("https://go.dev/");
    });
  });

  it("an unknown code is remembered for MissTTL", async () => {
    await run(async () => {
      const store = seeded();
      const h = newService(store);
      for (let i = 0; i < 3; i++) await call(h, "GET", "/r/wp-admin");
      const first = store.calls.reads;
      await time.sleep(MissTTL);
      await call(h, "GET", "/r/wp-admin");
      expect(first, "a scanner asking three times for a missing code reaches the store once").toBe(1);
      expect(store.calls.reads, "after MissTTL the store is asked again").toBe(2);
    });
  });

  it("a link created after a cached miss resolves at once", async () => {
    await run(async () => {
      const h = newService(new MemoryStore());
      const before = await call(h, "GET", "/r/launch");
      await create(h, "ana", "https://launch.example/", "launch");
      const after = await call(h, "GET", "/r/launch");
      expect(before.status, "before it exists, /r/launch is a 404").toBe(404);
      expect(
        [after.status, after.location],
        "right after it was created the link must work: creating a code must make the cache forget its miss",
      ).toEqual([302, "https://launch.example/"]);
    });
  });

  it("a stampede on a cold link reads the store once", async () => {
    // 30 schedules catch every variant and keep a Run quick.
    await explore(
      async () => {
        const store = seeded();
        const h = newService(store);
        const got: number[] = [];
        const wg = new WaitGroup();
        for (let i = 0; i < 10; i++) {
          wg.add(1);
          go(async () => {
            try {
              got.push((await call(h, "GET", "/r/go")).status);
            } finally {
              wg.done();
            }
          });
        }
        await wg.wait();
        expect(got, "every visitor is redirected").toEqual(Array(10).fill(302));
        expect(store.calls.reads, "ten visitors at once on a cold link: one store read (singleflight)").toBe(1);
        const link = await store.get(context.background(), "go");
        expect(link?.clicks, "and ten clicks").toBe(10);
      },
      { seeds: 30 },
    );
  });
});
