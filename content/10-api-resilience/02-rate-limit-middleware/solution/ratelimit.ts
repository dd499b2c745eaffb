import { select } from "go";
import type { Context } from "go/context";
import * as http from "go/net/http";
import type { Middleware, Request } from "go/net/http";
import * as time from "go/time";
import type { Duration, Time } from "go/time";
import * as singleflight from "go/x/sync/singleflight";
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
  const apiKey = r.header.get("X-API-Key");
  if (apiKey !== "") return "key:" + apiKey;
  const addr = r.remoteAddr;
  const colon = addr.lastIndexOf(":");
  const host = colon < 0 ? addr : addr.slice(0, colon);
  return "ip:" + host.replace(/^\[(.*)\]$/, "$1");
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
  // Concurrent first requests of one client share a single lookup, so the
  // client gets one bucket, not one per request.
  private readonly creating = new singleflight.Group<Entry>();

  constructor(private readonly lookup: (ctx: Context, key: string) => Promise<Plan> = lookupPlan) {}

  /** get returns the limiter of key, creating exactly one per client. */
  async get(ctx: Context, key: string): Promise<rate.Limiter> {
    let e = this.clients.get(key);
    if (e === undefined) {
      const [created, err] = await this.creating.do(key, async () => {
        const plan = await this.lookup(ctx, key);
        const fresh = { limiter: rate.newLimiter(plan.limit, plan.burst), lastSeen: time.now() };
        this.clients.set(key, fresh);
        return fresh;
      });
      if (err !== null) throw err;
      e = created!;
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
    const now = time.now();
    for (const [key, e] of this.clients) {
      if (now.sub(e.lastSeen) >= IdleTTL) this.clients.delete(key);
    }
  }

  /** janitor sweeps every SweepEvery until ctx is done. Run it in its own goroutine. */
  async janitor(ctx: Context): Promise<void> {
    const t = time.newTicker(SweepEvery);
    try {
      for (;;) {
        const done = await select(
          ctx.done().recvCase(() => true),
          t.c.recvCase(() => false),
        );
        if (done) return;
        this.sweep();
      }
    } finally {
      t.stop();
    }
  }
}

/** retryAfter is the Retry-After value for a wait of d: whole seconds, rounded up. */
export function retryAfter(d: Duration): string {
  return String(Math.ceil(d / time.Second));
}

/**
 * rateLimit refuses a request when its client's bucket is empty: 429 with
 * {"error": "rate limit exceeded"} and a Retry-After header giving the
 * seconds until the next token. A refused request costs no token and never
 * reaches next.
 */
export function rateLimit(ls: Limiters): Middleware {
  return (next) =>
    http.handlerFunc(async (w, r) => {
      const lim = await ls.get(r.context(), clientKey(r));
      const res = lim.reserve();
      const wait = res.delay();
      if (wait > 0) {
        res.cancel(); // we will not act on it: give the token back
        w.header().set("Retry-After", retryAfter(wait));
        http.writeJSON(w, http.StatusTooManyRequests, { error: "rate limit exceeded" });
        return;
      }
      await next.serveHTTP(w, r);
    });
}

/** The handler the API explorer talks to (no janitor: the explorer serves one request at a time). */
export const handler = rateLimit(new Limiters())(newAPI());
