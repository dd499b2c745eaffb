import { select } from "go";
import type { Context } from "go/context";
import * as http from "go/net/http";
import * as time from "go/time";
import type { Duration } from "go/time";

/** A Policy says how often and how patiently to retry. */
export interface Policy {
  /** attempts is the most requests sent in all, the first included. */
  attempts: number;
  /** base is the backoff ceiling before the first retry; it doubles for each retry after. */
  base: Duration;
  /** max caps the backoff ceiling. */
  max: Duration;
  /** rand returns a number in [0, 1): the jitter source (Go: rand.Float64), injectable for tests. */
  rand: () => number;
}

/**
 * backoff returns the wait before retry n (n = 1 before the second attempt),
 * with full jitter: rand() times min(max, base * 2^(n-1)), in whole nanoseconds.
 */
export function backoff(p: Policy, n: number): Duration {
  const ceiling = Math.min(p.max, p.base * 2 ** (n - 1));
  return Math.floor(p.rand() * ceiling);
}

const idempotentMethods = new Set(["GET", "HEAD", "OPTIONS", "PUT", "DELETE"]);

/**
 * mayRetry reports whether a request may be sent again: its method is
 * idempotent, or it carries an Idempotency-Key the server deduplicates on.
 */
export function mayRetry(method: string, header: http.Header): boolean {
  return idempotentMethods.has(method) || header.get("Idempotency-Key") !== "";
}

/** retryableStatus reports whether a reply says "try again later": 429, 502, 503 and 504. */
export function retryableStatus(code: number): boolean {
  return code === 429 || code === 502 || code === 503 || code === 504;
}

/**
 * doWithRetry sends method url (with header) through client and retries
 * failures that may pass next time (a dropped connection, a retryable
 * status) if the request may be retried, up to p.attempts in all, waiting
 * backoff(p, n) before retry n. It never sleeps past ctx's deadline: when the
 * next wait would reach it, it gives up at once. It returns the last reply,
 * or throws the last error; it throws ctx.err() if ctx ends while waiting.
 */
export async function doWithRetry(
  ctx: Context,
  client: http.Client,
  method: string,
  url: string,
  header: http.Header,
  p: Policy,
): Promise<http.Response> {
  for (let attempt = 1; ; attempt++) {
    const req = http.newRequestWithContext(ctx, method, url);
    req.header = header.clone();
    let res: http.Response | null = null;
    let err: Error | null = null;
    try {
      res = await client.do(req);
    } catch (e) {
      if (ctx.err() !== null) throw ctx.err()!;
      err = e as Error;
    }
    const failed = res === null || retryableStatus(res.statusCode);
    if (!failed || !mayRetry(method, header) || attempt === p.attempts) {
      if (res !== null) return res;
      throw err!;
    }
    const wait = backoff(p, attempt);
    res?.body.close(); // Go: drain and close, so the connection can be reused
    const t = time.newTimer(wait);
    try {
      await select(
        t.c.recvCase(() => {}),
        ctx.done().recvCase(() => {}),
      );
    } finally {
      t.stop();
    }
    if (ctx.err() !== null) throw ctx.err()!;
  }
}
