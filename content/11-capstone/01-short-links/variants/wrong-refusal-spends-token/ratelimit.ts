import * as http from "go/net/http";
import type { Middleware } from "go/net/http";
import * as time from "go/time";
import * as rate from "go/x/time/rate";
import { userFrom } from "./auth";
import { writeError } from "./middleware";

/** A user may create CreateBurst links at once, then one every CreateEvery. */
export const CreateEvery = 10 * time.Second;
/** CreateBurst is how many links a user may create at once. */
export const CreateBurst = 5;

/**
 * limitCreates gives every authenticated user a token bucket for creating
 * links. Without a token: 429 {"error": "too many links; slow down"} with
 * Retry-After in whole seconds, rounded up. It must run after requireAuth.
 */
export function limitCreates(): Middleware {
  const buckets = new Map<string, rate.Limiter>(); // one per user, shared by all requests
  return (next) =>
    http.handlerFunc(async (w, r) => {
      const user = userFrom(r.context());
      let lim = buckets.get(user);
      if (lim === undefined) {
        lim = rate.newLimiter(rate.every(CreateEvery), CreateBurst);
        buckets.set(user, lim);
      }
      const res = lim.reserve();
      const wait = res.delay();
      if (wait > 0) {
        w.header().set("Retry-After", String(Math.ceil(wait / time.Second)));
        writeError(w, http.StatusTooManyRequests, "too many links; slow down");
        return;
      }
      await next.serveHTTP(w, r);
    });
}
