import * as time from "go/time";
import * as context from "go/context";
import type { Context } from "go/context";

/** A RetryPolicy says how often and how patiently withRetry tries. */
export interface RetryPolicy {
  /** How many attempts at most (the first one included). */
  attempts: number;
  /** The wait after the first failure; it doubles after each later one. */
  backoff: time.Duration;
  /** The longest one attempt may take. */
  perAttempt: time.Duration;
}

/**
 * withRetry calls fn until it succeeds or policy.attempts have failed, and
 * returns its value, or the last attempt's error. Each attempt gets a context
 * that ends after policy.perAttempt (or with ctx, if sooner) and is
 * cancelled when the attempt returns. When ctx ends, withRetry returns
 * ctx.err() at once, also in the middle of a backoff.
 */
export async function withRetry<T>(
  ctx: Context,
  policy: RetryPolicy,
  fn: (ctx: Context) => Promise<[T, Error | null]>,
): Promise<[T | null, Error | null]> {
  let wait = policy.backoff;
  let last: Error | null = null;
  for (let i = 0; i < policy.attempts; i++) {
    if (ctx.err() !== null) return [null, ctx.err()];
    const [attempt, cancel] = context.withTimeout(ctx, policy.perAttempt);
    let value: T;
    try {
      [value, last] = await fn(attempt);
    } finally {
      cancel(); // releases the attempt's timer however fn returned
    }
    if (last === null) return [value, null];
    if (i === policy.attempts - 1) break;
    // The backoff is a wait like any other: it ends early when ctx does.
    await time.sleep(wait);
    if (ctx.err() !== null) return [null, ctx.err()];
    wait *= 2;
  }
  return [null, last];
}
