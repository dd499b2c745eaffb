import { makeChan, select } from "go";
import type { Chan } from "go";
import type { Context } from "go/context";
import * as http from "go/net/http";
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

/** clientKey names the client a request counts against (Go: net.SplitHostPort). */
export function clientKey(r: Request): string {
  const apiKey = r.header.get("X-API-Key");
  if (apiKey) return `key:${apiKey}`;
  const m = /^\[?([^\]]*?)\]?(?::\d+)?$/.exec(r.remoteAddr);
  return `ip:${m ? m[1] : r.remoteAddr}`;
}

/** A client's entry exists from its first request; ready is closed once its limiter is set. */
class Client {
  limiter: rate.Limiter | null = null;
  readonly ready: Chan<void> = makeChan<void>();
  constructor(public lastSeen: Time) {}
}

/** Limiters holds one token bucket per client and forgets idle clients. */
export class Limiters {
  private readonly clients = new Map<string, Client>();

  constructor(private readonly lookup: (ctx: Context, key: string) => Promise<Plan> = lookupPlan) {}

  /** get returns the limiter of key: the first request creates the entry at once, before any await. */
  async get(ctx: Context, key: string): Promise<rate.Limiter> {
    let c = this.clients.get(key);
    if (!c) {
      c = new Client(time.now());
      this.clients.set(key, c);
      const plan = await this.lookup(ctx, key);
      c.limiter = rate.newLimiter(plan.limit, plan.burst);
      c.ready.close();
    } else {
      await c.ready.recv();
    }
    c.lastSeen = time.now();
    return c.limiter!;
  }

  /** size returns how many clients have a limiter. */
  size(): number {
    return this.clients.size;
  }

  /** sweep drops the clients not seen for IdleTTL or longer. */
  sweep(): void {
    for (const [key, c] of [...this.clients]) {
      if (c.limiter !== null && time.since(c.lastSeen) >= IdleTTL) this.clients.delete(key);
    }
  }

  /** janitor sweeps every SweepEvery until ctx is done. */
  async janitor(ctx: Context): Promise<void> {
    while (
      await select(
        time.after(SweepEvery).recvCase(() => true),
        ctx.done().recvCase(() => false),
      )
    ) {
      this.sweep();
    }
  }
}

/** retryAfter is the Retry-After value for a wait of d: whole seconds, rounded up. */
export function retryAfter(d: Duration): string {
  return Math.ceil(d / time.Second).toString();
}

/** rateLimit answers 429 with Retry-After when the client's bucket is empty. */
export function rateLimit(ls: Limiters): Middleware {
  return (next) =>
    http.handlerFunc(async (w, r) => {
      const lim = await ls.get(r.context(), clientKey(r));
      if (!lim.allow()) {
        // Time until the bucket holds one whole token again.
        const wait = ((1 - lim.tokens()) / lim.limit()) * time.Second;
        w.header().set("Retry-After", retryAfter(wait));
        http.writeJSON(w, http.StatusTooManyRequests, { error: "rate limit exceeded" });
        return;
      }
      await next.serveHTTP(w, r);
    });
}

/** The handler the API explorer talks to. */
export const handler = rateLimit(new Limiters())(newAPI());
