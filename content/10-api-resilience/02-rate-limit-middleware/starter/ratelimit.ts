import type { Context } from "go/context";
import type { Middleware, Request } from "go/net/http";
import * as time from "go/time";
import type { Duration, Time } from "go/time";
import * as rate from "go/x/time/rate";
import { lookupPlan, newAPI } from "./plans";
import type { Plan } from "./plans";

/** IdleTTL is how long a client may stay silent before its limiter is dropped. */
export const IdleTTL = 3 * time.Minute;

/** SweepEvery is how often the janitor looks for idle clients. */
export const SweepEvery = time.Minute;

/**
 * clientKey names the client a request counts against: "key:<X-API-Key>"
 * when the header is set, otherwise "ip:<address>" from r.remoteAddr
 * without its port (a client opens many connections, each on a new port).
 */
export function clientKey(r: Request): string {
  // TODO: "key:<X-API-Key>" when the header is set, else "ip:<host>" without the port.
  return r.remoteAddr;
}

interface Entry {
  limiter: rate.Limiter;
  lastSeen: Time;
}

/**
 * Limiters holds one token bucket per client, made from the client's plan
 * the first time it is seen, and forgets clients idle for IdleTTL.
 */
export class Limiters {
  private readonly clients = new Map<string, Entry>();
  constructor(private readonly lookup: (ctx: Context, key: string) => Promise<Plan> = lookupPlan) {}

  /** get returns the limiter of key, creating exactly one per client. */
  async get(ctx: Context, key: string): Promise<rate.Limiter> {
    // TODO: two first requests of a client at once both miss here, both look
    // the plan up, and each creates a bucket of its own. Make it one.
    let e = this.clients.get(key);
    if (e === undefined) {
      const plan = await this.lookup(ctx, key);
      e = { limiter: rate.newLimiter(plan.limit, plan.burst), lastSeen: time.now() };
      this.clients.set(key, e);
    }
    e.lastSeen = time.now();
    return e.limiter;
  }

  /** size returns how many clients have a limiter. */
  size(): number {
    return this.clients.size;
  }

  /** sweep drops the clients not seen for IdleTTL or longer. */
  sweep(): void {
    // TODO
  }

  /** janitor sweeps every SweepEvery until ctx is done. Run it in its own goroutine. */
  async janitor(ctx: Context): Promise<void> {
    // TODO: a ticker, a select on it and ctx.done(), and stop the ticker on the way out.
    void ctx;
  }
}

/** retryAfter is the Retry-After value for a wait of d: whole seconds, rounded up. */
export function retryAfter(d: Duration): string {
  // TODO
  void d;
  return "";
}

/**
 * rateLimit refuses a request when its client's bucket is empty: 429 with
 * {"error": "rate limit exceeded"} and a Retry-After header giving the
 * seconds until the next token. A refused request costs no token and never
 * reaches next.
 */
export function rateLimit(ls: Limiters): Middleware {
  void ls;
  // TODO: take a token from the client's bucket; if there is none, answer 429.
  return (next) => next;
}

/** The handler the API explorer talks to (no janitor: the explorer serves one request at a time). */
export const handler = rateLimit(new Limiters())(newAPI());
