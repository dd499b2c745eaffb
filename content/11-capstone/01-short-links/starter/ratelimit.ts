import type { Middleware } from "go/net/http";
import * as time from "go/time";

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
  // TODO: one rate.Limiter per user (userFrom(r.context())), refuse with 429 and Retry-After.
  return (next) => next;
}
