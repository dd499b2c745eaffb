import * as context from "go/context";
import type { Context } from "go/context";
import * as http from "go/net/http";
import * as time from "go/time";
import type { Duration } from "go/time";
import { select } from "go";

/** A Policy says how often and how patiently to retry. */
export interface Policy {
  attempts: number;
  base: Duration;
  max: Duration;
  rand: () => number;
}

/** backoff doubles a ceiling in a loop, clamps it to max, and scales it by one draw. */
export function backoff(p: Policy, n: number): Duration {
  let ceiling = p.base;
  for (let i = 1; i < n && ceiling < p.max; i++) ceiling *= 2;
  if (ceiling > p.max) ceiling = p.max;
  return Math.trunc(ceiling * p.rand());
}

/** mayRetry: idempotent methods, or any request with an Idempotency-Key. */
export function mayRetry(method: string, header: http.Header): boolean {
  switch (method) {
    case http.MethodGet:
    case http.MethodHead:
    case http.MethodOptions:
    case http.MethodPut:
    case http.MethodDelete:
      return true;
    default:
      return header.values("Idempotency-Key").length > 0;
  }
}

/** retryableStatus: the statuses that mean "later". */
export function retryableStatus(code: number): boolean {
  return [
    http.StatusTooManyRequests,
    http.StatusBadGateway,
    http.StatusServiceUnavailable,
    http.StatusGatewayTimeout,
  ].includes(code);
}

type Outcome = { res: http.Response; err: null } | { res: null; err: Error };

/** doWithRetry, with the time left computed by time.until and the wait on time.after. */
export async function doWithRetry(
  ctx: Context,
  client: http.Client,
  method: string,
  url: string,
  header: http.Header,
  p: Policy,
): Promise<http.Response> {
  const finish = (o: Outcome): http.Response => {
    if (o.err) throw o.err;
    return o.res;
  };
  let n = 0;
  for (;;) {
    n++;
    const req = http.newRequestWithContext(ctx, method, url);
    for (const k of header.keys()) for (const v of header.values(k)) req.header.add(k, v);
    let o: Outcome;
    try {
      o = { res: await client.do(req), err: null };
    } catch (e) {
      if (ctx.err()) throw ctx.err()!;
      o = { res: null, err: e as Error };
    }
    if (o.res && !retryableStatus(o.res.statusCode)) return o.res;
    if (n >= p.attempts || !mayRetry(method, header)) return finish(o);
    const wait = backoff(p, n);
    const [deadline, has] = ctx.deadline();
    if (has && time.until(deadline) <= wait) return finish(o);
    const woke = await select(
      time.after(wait).recvCase(() => true),
      ctx.done().recvCase(() => false),
    );
    if (!woke) throw ctx.err() ?? context.Canceled;
  }
}
