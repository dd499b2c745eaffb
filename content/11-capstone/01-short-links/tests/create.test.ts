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

describe("Task 1: creating links", () => {
  it("needs a valid token", async () => {
    await run(async () => {
      const store = new MemoryStore();
      const h = newService(store);
      const anon = await call(h, "POST", "/links", "", JSON.stringify({ url: "https://go.dev/" }));
      const forged = httptest.newRequest("POST", "/links", JSON.stringify({ url: "https://go.dev/" }));
      forged.header.set("Authorization", `Bearer ${jwt.sign({ sub: "ana" }, "not-the-secret")}`);
      const w = httptest.newRecorder();
      await h.serveHTTP(w, forged);
      expect(anon.status, `POST /links without a token answered ${anon.status}; creating needs requireAuth: 401`).toBe(
        401,
      );
      expect(w.result().statusCode, "a token signed with another secret is refused with 401").toBe(401);
      expect(store.calls.writes, "an unauthenticated request must never reach the store").toBe(0);
    });
  });

  it("creates a link with a generated code, owned by the caller", async () => {
    await run(async () => {
      const store = new MemoryStore();
      const res = await create(
        newService(store, () => "abc1234"),
        "ana",
        "https://go.dev/doc/",
      );
      expect(res.status, `creating a link answered ${res.status}; expected 201 Created`).toBe(201);
      expect(res.location, "201 Created names the new resource in Location").toBe("/links/abc1234");
      expect(JSON.parse(res.body), "the reply carries the code, the URL and the short path").toEqual({
        code: "abc1234",
        url: "https://go.dev/doc/",
        short: "/r/abc1234",
      });
      const stored = await store.get(context.background(), "abc1234");
      expect([stored?.url, stored?.owner], "the store holds the link, owned by the token's user").toEqual([
        "https://go.dev/doc/",
        "ana",
      ]);
    });
  });

  it("generated codes are 7 letters and digits", async () => {
    await run(async () => {
      const h = newService(new MemoryStore());
      const codes = new Set<string>();
      for (let i = 0; i < 5; i++) {
        const res = await create(h, "ana", `https://example.com/${i}`);
        codes.add((JSON.parse(res.body) as { code: string }).code);
      }
      expect(
        [...codes].every((c) => /^[A-Za-z0-9]{7}$/.test(c)),
        `codes ${[...codes].join(", ")}`,
      ).toBe(true);
      expect(codes.size, "five links, five different codes").toBe(5);
    });
  });

  for (const [name, body] of [
    ["a javascript: URL", '{"url":"javascript:alert(1)"}'],
    ["an ftp URL", '{"url":"ftp://files.example/x"}'],
    ["a relative URL", '{"url":"/elsewhere"}'],
    ["a URL without a host", '{"url":"https://"}'],
    ["a URL over 2048 bytes", JSON.stringify({ url: "https://example.com/" + "a".repeat(2048) })],
    ["a URL that is a number", '{"url":42}'],
    ["a body that is not JSON", "url=https://go.dev"],
    ["a custom code too short", '{"url":"https://go.dev/","code":"ab"}'],
    ["a custom code with a space", '{"url":"https://go.dev/","code":"my link"}'],
    ["a custom code with a slash", '{"url":"https://go.dev/","code":"a/b/c"}'],
  ]) {
    it(`refuses ${name} with 400`, async () => {
      await run(async () => {
        const store = new MemoryStore();
        const res = await call(newService(store), "POST", "/links", "ana", body);
        expect(res.status, `${name} answered ${res.status}; a bad request is a 400`).toBe(400);
        expect(
          (JSON.parse(res.body) as { error?: string }).error,
          'the 400 explains itself as {"error": "..."}',
        ).toMatch(/./);
        expect(store.calls.writes, "a refused request writes nothing").toBe(0);
      });
    });
  }

  it("a custom code is used once; the second gets 409", async () => {
    await run(async () => {
      const h = newService(new MemoryStore());
      const first = await create(h, "ana", "https://go.dev/", "gopher");
      const second = await create(h, "bob", "https://evil.example/", "gopher");
      expect([first.status, first.location], "the first claim of a custom code wins").toEqual([201, "/links/gopher"]);
      expect(second.status, `a taken code answered ${second.status}; expected 409 Conflict`).toBe(409);
      expect(second.body, "the 409 says why").toBe('{"error":"code already taken"}\n');
    });
  });

  it("two claims of one code at once: exactly one wins", async () => {
    // 30 schedules catch every variant and keep a Run quick.
    await explore(
      async () => {
        const h = newService(new MemoryStore());
        const got: number[] = [];
        const wg = new WaitGroup();
        for (const user of ["ana", "bob"]) {
          wg.add(1);
          go(async () => {
            try {
              got.push((await create(h, user, `https://${user}.example/`, "launch")).status);
            } finally {
              wg.done();
            }
          });
        }
        await wg.wait();
        got.sort();
        expect(
          got,
          "two requests for the same code at once: one 201, one 409 (rely on the store's unique key)",
        ).toEqual([201, 409]);
      },
      { seeds: 30 },
    );
  });

  it("a generated code that collides is drawn again", async () => {
    await run(async () => {
      const store = new MemoryStore([
        { code: "aaaaaaa", url: "https://a.example/", owner: "bob", createdAt: time.now() },
      ]);
      const draws = ["aaaaaaa", "bbbbbbb"];
      const res = await create(
        newService(store, () => draws.shift() ?? "zzzzzzz"),
        "ana",
        "https://b.example/",
      );
      expect([res.status, res.location], "a random code that is taken is not the client's fault: draw another").toEqual(
        [201, "/links/bbbbbbb"],
      );
    });
  });
});
