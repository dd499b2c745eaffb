import { describe, expect, it } from "vitest";
import { go } from "go";
import * as context from "go/context";
import * as http from "go/net/http";
import * as httptest from "go/net/http/httptest";
import { WaitGroup } from "go/sync";
import { explore, run } from "go/testing/synctest";
import * as time from "go/time";
import { LookupTime, lookups, newAPI } from "./plans";
import { IdleTTL, Limiters, SweepEvery, clientKey, rateLimit } from "./ratelimit";

/** What the client received, read from w.result(). */
interface Reply {
  status: number;
  retryAfter: string;
  body: string;
}

/** A rate-limited API and a count of the requests that reached it. */
function newLimited(ls = new Limiters()) {
  const api = newAPI();
  const s = {
    ls,
    served: 0,
    handler: rateLimit(ls)(
      http.handlerFunc((w, r) => {
        s.served++;
        return api.serveHTTP(w, r);
      }),
    ),
  };
  return s;
}

/** send makes one GET /quotes from addr (host:port), with an API key if given. */
async function send(h: http.Handler, addr = "192.0.2.1:1234", apiKey = ""): Promise<Reply> {
  const r = httptest.newRequest("GET", "/quotes");
  r.remoteAddr = addr;
  if (apiKey !== "") r.header.set("X-API-Key", apiKey);
  const w = httptest.newRecorder();
  await h.serveHTTP(w, r);
  const res = w.result();
  return { status: res.statusCode, retryAfter: res.header.get("Retry-After"), body: await res.text() };
}

async function statuses(h: http.Handler, n: number, addr?: string, apiKey?: string): Promise<number[]> {
  const out = [];
  for (let i = 0; i < n; i++) out.push((await send(h, addr, apiKey)).status);
  return out;
}

describe("Task 1: a token bucket per client", () => {
  it("clientKey: the API key, else the address without its port", () => {
    const key = (addr: string, apiKey = "") => {
      const r = httptest.newRequest("GET", "/quotes");
      r.remoteAddr = addr;
      if (apiKey !== "") r.header.set("X-API-Key", apiKey);
      return clientKey(r);
    };
    expect(key("192.0.2.1:1234"), "an IPv4 client is its address, without the port").toBe("ip:192.0.2.1");
    expect(key("192.0.2.1:5678"), "a new connection (a new port) is the same client").toBe("ip:192.0.2.1");
    expect(key("[2001:db8::1]:443"), "an IPv6 client is its address without brackets or port (net.SplitHostPort)").toBe(
      "ip:2001:db8::1",
    );
    expect(key("192.0.2.1:1234", "key-pro"), "a client with an API key is its key, whatever its address").toBe(
      "key:key-pro",
    );
  });

  it("an anonymous client gets its burst, then 429", async () => {
    await run(async () => {
      const s = newLimited();
      const got = await statuses(s.handler, 2);
      const refused = await send(s.handler);
      expect(got, "the anonymous plan has a burst of 2").toEqual([200, 200]);
      expect(refused.status, `the third request at once answered ${refused.status}; expected 429`).toBe(429);
      expect(refused.body, "the 429 says why, as JSON").toBe('{"error":"rate limit exceeded"}\n');
      expect(s.served, "a refused request must never reach the handler").toBe(2);
    });
  });

  it("each client has its own bucket, across its connections", async () => {
    await run(async () => {
      const s = newLimited();
      const a = [
        (await send(s.handler, "192.0.2.1:1001")).status,
        (await send(s.handler, "192.0.2.1:1002")).status,
        (await send(s.handler, "192.0.2.1:1003")).status,
      ];
      const b = await statuses(s.handler, 1, "198.51.100.7:1001");
      expect(a, "three connections from one address share the address's burst of 2").toEqual([200, 200, 429]);
      expect(b, "another address is another client, with a full bucket").toEqual([200]);
    });
  });

  it("an API key's plan sets the bucket", async () => {
    await run(async () => {
      const s = newLimited();
      const free = await statuses(s.handler, 4, "192.0.2.1:1", "key-free");
      const pro = await statuses(s.handler, 21, "192.0.2.1:2", "key-pro");
      expect(free, "the free plan allows a burst of 3").toEqual([200, 200, 200, 429]);
      expect(pro.filter((st) => st === 200).length, "the pro plan allows a burst of 20").toBe(20);
    });
  });
});

describe("Task 2: 429 with an accurate Retry-After", () => {
  it("Retry-After is the seconds until the next token, rounded up", async () => {
    await run(async () => {
      const s = newLimited(); // anonymous: one token every 2s, burst 2
      await statuses(s.handler, 2);
      const atZero = await send(s.handler);
      await time.sleep(1300 * time.Millisecond);
      const later = await send(s.handler);
      expect(atZero.retryAfter, "with the bucket just emptied, the next token comes in 2s").toBe("2");
      expect(later.retryAfter, "1.3s later the token is 0.7s away: Retry-After rounds up to 1").toBe("1");
      const free = await statuses(s.handler, 3, "192.0.2.9:1", "key-free");
      const freeRefused = await send(s.handler, "192.0.2.9:1", "key-free");
      expect([free, freeRefused.retryAfter], "the free plan refills one token a second").toEqual([
        [200, 200, 200],
        "1",
      ]);
    });
  });

  it("a client that waits Retry-After gets through, and refusals cost no token", async () => {
    await run(async () => {
      const s = newLimited();
      await statuses(s.handler, 2);
      const first = await send(s.handler);
      const seen = [first.status];
      // An impatient client keeps knocking every half second...
      for (let i = 0; i < 3; i++) {
        await time.sleep(500 * time.Millisecond);
        seen.push((await send(s.handler)).status);
      }
      await time.sleep(500 * time.Millisecond); // ...and is now 2s after the first refusal
      seen.push((await send(s.handler)).status);
      expect(
        seen,
        `Retry-After said ${first.retryAfter}s; a refused request must not use up a token (reserve() then cancel(), or allow())`,
      ).toEqual([429, 429, 429, 429, 200]);
    });
  });
});

describe("Task 3: one bucket per client, even for concurrent first requests", () => {
  it("five requests of a new client at once get its burst of 3, no more", async () => {
    // 30 schedules catch every variant and keep a Run quick.
    await explore(
      async () => {
        const s = newLimited();
        const got: number[] = [];
        const wg = new WaitGroup();
        for (let i = 0; i < 5; i++) {
          wg.add(1);
          go(async () => {
            try {
              got.push((await send(s.handler, `192.0.2.1:${1000 + i}`, "key-free")).status);
            } finally {
              wg.done();
            }
          });
        }
        await wg.wait();
        got.sort();
        expect(
          got,
          "all five arrived before the plan lookup finished: they must share one bucket, not each create their own",
        ).toEqual([200, 200, 200, 429, 429]);
        expect(s.ls.size(), "one client, one limiter").toBe(1);
      },
      { seeds: 30 },
    );
  });

  it("new clients do not wait for each other's plan lookup", async () => {
    // 30 schedules catch every variant and keep a Run quick.
    await explore(
      async () => {
        const s = newLimited();
        const took: string[] = [];
        const wg = new WaitGroup();
        for (let i = 0; i < 4; i++) {
          wg.add(1);
          go(async () => {
            try {
              const start = time.now();
              await send(s.handler, `198.51.100.${i}:80`);
              took.push(time.durationString(time.since(start)));
            } finally {
              wg.done();
            }
          });
        }
        await wg.wait();
        expect(
          took,
          `four new clients each need one ${time.durationString(LookupTime)} lookup; a lock held across the lookup makes them queue`,
        ).toEqual(["5ms", "5ms", "5ms", "5ms"]);
      },
      { seeds: 30 },
    );
  });
});

describe("Task 4: idle clients are evicted", () => {
  it("the map shrinks back once clients go quiet", async () => {
    await run(async () => {
      const s = newLimited();
      const [ctx, cancel] = context.withCancel(context.background());
      go(() => s.ls.janitor(ctx));
      for (let i = 0; i < 100; i++) await send(s.handler, `203.0.113.${i}:80`);
      expect(s.ls.size(), "100 clients, 100 limiters").toBe(100);
      await time.sleep(IdleTTL - time.Second);
      expect(s.ls.size(), `no client may be dropped before it has been idle ${time.durationString(IdleTTL)}`).toBe(100);
      await time.sleep(time.Second + SweepEvery);
      expect(
        s.ls.size(),
        `every client idle for ${time.durationString(IdleTTL)} must be gone within one sweep (${time.durationString(SweepEvery)})`,
      ).toBe(0);
      cancel();
    });
  });

  it("an active client keeps its bucket", async () => {
    await run(async () => {
      lookups.clear();
      const s = newLimited();
      const [ctx, cancel] = context.withCancel(context.background());
      go(() => s.ls.janitor(ctx));
      const seen = [];
      for (let i = 0; i < 20; i++) {
        seen.push((await send(s.handler, "192.0.2.1:1", "key-free")).status);
        await time.sleep(30 * time.Second);
      }
      await send(s.handler, "198.51.100.1:1"); // a one-off visitor
      await time.sleep(IdleTTL + SweepEvery);
      expect(
        seen.every((st) => st === 200),
        "one request every 30s is well within the free plan",
      ).toBe(true);
      expect(
        lookups.get("key:key-free"),
        "a client active every 30s was evicted and re-created: evict by last use, not by creation time",
      ).toBe(1);
      expect(s.ls.size(), "the one-off visitor and, after its own idle time, the active client are gone").toBe(0);
      cancel();
    });
  });

  it("the janitor stops when its context is cancelled", async () => {
    await run(async () => {
      const s = newLimited();
      const [ctx, cancel] = context.withCancel(context.background());
      let returned = false;
      go(async () => {
        await s.ls.janitor(ctx);
        returned = true;
      });
      await time.sleep(SweepEvery * 2 + time.Second);
      cancel();
      await time.sleep(time.Millisecond);
      expect(returned, "janitor(ctx) must return once ctx is done, or its goroutine leaks").toBe(true);
    });
  });
});
