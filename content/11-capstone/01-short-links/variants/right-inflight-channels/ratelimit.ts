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

/** limitCreates rate-limits link creation per user with allow(); Retry-After from the missing fraction of a token. */
export function limitCreates(): Middleware {
  const buckets = new Map<string, rate.Limiter>();
  const bucket = (user: string): rate.Limiter => {
    if (!buckets.has(user)) buckets.set(user, rate.newLimiter(rate.every(CreateEvery), CreateBurst));
    return buckets.get(user)!;
  };
  return (next) =>
    http.handlerFunc(async (w, r) => {
      const lim = bucket(userFrom(r.context()));
      if (lim.allow()) return next.serveHTTP(w, r);
      const wait = (1 - lim.tokens()) * CreateEvery;
      w.header().set("Retry-After", `${Math.ceil(wait / time.Second)}`);
      writeError(w, http.StatusTooManyRequests, "too many links; slow down");
    });
}
