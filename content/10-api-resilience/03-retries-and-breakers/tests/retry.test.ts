import { describe, expect, it } from "vitest";
import { go } from "go";
import * as context from "go/context";
import type { Context } from "go/context";
import * as http from "go/net/http";
import * as httptest from "go/net/http/httptest";
import { run } from "go/testing/synctest";
import * as time from "go/time";
import { newFlaky } from "./backend";
import type { Outcome } from "./backend";
import { backoff, doWithRetry, mayRetry, retryableStatus } from "./retry";
import type { Policy } from "./retry";

/** policy returns the tests' policy: 4 attempts, 100ms base, 1s cap, a fixed jitter draw. */
function policy(r = 0.5, attempts = 4): Policy {
  return { attempts, base: 100 * time.Millisecond, max: time.Second, rand: () => r };
}

const ms = (d: number) => time.durationString(d);

/** What one call of doWithRetry did: its reply or error, when it returned, and when each request arrived. */
interface Outcomes {
  result: string;
  took: string;
  arrivals: string[];
}

async function retry(
  script: Outcome[],
  method: string,
  p: Policy,
  ctx: Context = context.background(),
  header = new http.Header(),
): Promise<Outcomes> {
  const backend = newFlaky(script);
  const srv = httptest.newServer(backend.handler);
  const start = time.now();
  let result: string;
  try {
    const res = await doWithRetry(ctx, srv.client(), method, srv.url + "/items", header, p);
    result = String(res.statusCode);
  } catch (err) {
    result = err instanceof Error ? `error: ${err.message.replace(srv.url, "URL")}` : String(err);
  }
  const took = ms(time.since(start));
  await time.sleep(time.Second); // anything still running shows up in the arrivals
  srv.close();
  return { result, took, arrivals: backend.requests.map((r) => ms(r.at.sub(start))) };
}

describe("Task 1: exponential backoff with full jitter", () => {
  it("doubles from base up to max, scaled by the jitter draw", () => {
    const waits = [1, 2, 3, 4, 5, 6].map((n) => ms(backoff(policy(0.5), n)));
    expect(waits, "rand() = 0.5: half of 100ms, 200ms, 400ms, 800ms, then the 1s cap").toEqual([
      "50ms",
      "100ms",
      "200ms",
      "400ms",
      "500ms",
      "500ms",
    ]);
  });

  it("full jitter spans the whole range, from zero to the ceiling", () => {
    expect(ms(backoff(policy(0), 3)), "rand() = 0 waits nothing: full jitter is rand() * ceiling").toBe("0s");
    expect(ms(backoff(policy(0.75), 2)), "rand() = 0.75 before retry 2: 0.75 * 200ms").toBe("150ms");
    for (let n = 1; n <= 12; n++) {
      const d = backoff(policy(0.999999), n);
      const ceiling = Math.min(time.Second, 100 * time.Millisecond * 2 ** (n - 1));
      expect(d <= ceiling, `retry ${n} waited ${ms(d)}; its ceiling is ${ms(ceiling)}`).toBe(true);
      expect(Number.isInteger(d), `durations are whole nanoseconds; retry ${n} waited ${d}`).toBe(true);
    }
  });

  it("uses the policy's random source, every time", () => {
    const draws = [0.1, 0.9, 0.3];
    const p: Policy = { ...policy(), rand: () => draws.shift() ?? 0 };
    const waits = [1, 2, 3].map((n) => ms(backoff(p, n)));
    expect(waits, "one draw per wait, from p.rand (injectable so tests are exact)").toEqual(["10ms", "180ms", "120ms"]);
  });
});

describe("Task 2: retry only what is safe to retry", () => {
  for (const [method, key, want] of [
    ["GET", "", true],
    ["HEAD", "", true],
    ["PUT", "", true],
    ["DELETE", "", true],
    ["POST", "", false],
    ["PATCH", "", false],
    ["POST", "order-7", true],
  ] as const) {
    it(`${method}${key ? " with an Idempotency-Key" : ""} ${want ? "may" : "may not"} be retried`, () => {
      const h = new http.Header();
      if (key) h.set("Idempotency-Key", key);
      expect(
        mayRetry(method, h),
        want ? `${method} is safe to send twice` : `${method} is not safe to send twice`,
      ).toBe(want);
    });
  }

  it("retryable statuses are the transient ones", () => {
    const codes = [200, 201, 400, 404, 409, 429, 500, 501, 502, 503, 504];
    expect(
      codes.filter(retryableStatus),
      "429, 502, 503 and 504 say 'try later'; a 500 is a bug that a retry repeats",
    ).toEqual([429, 502, 503, 504]);
  });

  it("retries a GET through 503s with growing waits", async () => {
    await run(async () => {
      const got = await retry([503, 503], "GET", policy());
      expect(got.result, "after two 503s the third attempt succeeds").toBe("200");
      expect(got.arrivals, "each reply takes 10ms, then waits of 50ms and 100ms").toEqual(["0s", "60ms", "170ms"]);
    });
  });

  it("retries a dropped connection", async () => {
    await run(async () => {
      const got = await retry(["drop"], "GET", policy());
      expect([got.result, got.arrivals], "a GET whose connection dropped is sent again").toEqual([
        "200",
        ["0s", "60ms"],
      ]);
    });
  });

  it("never retries a POST without an Idempotency-Key", async () => {
    await run(async () => {
      const status = await retry([503], "POST", policy());
      const dropped = await retry(["drop"], "POST", policy());
      expect(status.arrivals.length, "a POST sent twice may create two orders: one attempt only").toBe(1);
      expect(status.result, "the caller gets the 503").toBe("503");
      expect(dropped.arrivals.length, "a dropped POST may have been processed: never resend it").toBe(1);
      expect(dropped.result, "and the caller gets the error").toMatch(/^error: .*EOF/);
    });
  });

  it("retries a POST that carries an Idempotency-Key, with the key", async () => {
    await run(async () => {
      const h = new http.Header();
      h.set("Idempotency-Key", "order-7");
      const got = await retry([503], "POST", policy(), context.background(), h);
      expect([got.result, got.arrivals.length], "the server deduplicates on the key, so a retry is safe").toEqual([
        "200",
        2,
      ]);
    });
  });

  it("does not retry a 500 or a 400", async () => {
    await run(async () => {
      const five = await retry([500], "GET", policy());
      const four = await retry([400], "GET", policy());
      expect([five.result, five.arrivals.length], "a 500 is returned after one attempt").toEqual(["500", 1]);
      expect([four.result, four.arrivals.length], "a 400 is returned after one attempt").toEqual(["400", 1]);
    });
  });

  it("stops after p.attempts and returns the last reply", async () => {
    await run(async () => {
      const got = await retry([503, 503, 503, 503, 503], "GET", policy());
      expect(got.result, "the last 503 is returned, not thrown").toBe("503");
      expect(got.arrivals, "4 attempts in all: the first and 3 retries").toEqual(["0s", "60ms", "170ms", "380ms"]);
    });
  });
});

describe("Task 3: within the caller's deadline", () => {
  it("gives up at once when the next wait would pass the deadline", async () => {
    await run(async () => {
      const [ctx, cancel] = context.withTimeout(context.background(), 200 * time.Millisecond);
      const got = await retry([503, 503, 503], "GET", policy(0.99), ctx);
      cancel();
      expect(got.arrivals, "attempts at 0 and 109ms; the next wait (198ms) would end after the 200ms deadline").toEqual(
        ["0s", "109ms"],
      );
      expect(
        [got.result, got.took],
        "so return the last reply at 119ms, instead of sleeping into the deadline",
      ).toEqual(["503", "119ms"]);
    });
  });

  it("stops waiting as soon as the caller cancels", async () => {
    await run(async () => {
      const [ctx, cancel] = context.withCancel(context.background());
      go(async () => {
        await time.sleep(30 * time.Millisecond);
        cancel();
      });
      const got = await retry([503, 503], "GET", policy(), ctx);
      expect(got.took, "cancelled at 30ms, during the 50ms wait: return then").toBe("30ms");
      expect(got.result, "with the context's error").toBe("error: context canceled");
      expect(got.arrivals.length, "and send nothing more").toBe(1);
    });
  });
});
