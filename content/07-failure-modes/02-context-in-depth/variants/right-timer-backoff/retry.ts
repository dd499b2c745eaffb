import { select } from "go";
import * as time from "go/time";
import * as context from "go/context";
import * as errors from "go/errors";
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

/** attempt runs one call of fn under its own timeout, cancelled on return. */
async function attempt<T>(ctx: Context, d: time.Duration, fn: (ctx: Context) => Promise<[T, Error | null]>) {
  const [actx, cancel] = context.withTimeout(ctx, d);
  try {
    return await fn(actx);
  } finally {
    cancel();
  }
}

/**
 * withRetry calls fn until it succeeds or policy.attempts have failed, and
 * returns its value, or the last attempt's error. When ctx ends it returns
 * an error wrapping ctx.err() at once.
 */
export async function withRetry<T>(
  ctx: Context,
  policy: RetryPolicy,
  fn: (ctx: Context) => Promise<[T, Error | null]>,
): Promise<[T | null, Error | null]> {
  let last: Error | null = null;
  for (let i = 0; i < policy.attempts; i++) {
    if (i > 0) {
      const timer = time.newTimer(policy.backoff * 2 ** (i - 1));
      const ended = await select(
        timer.c.recvCase(() => false),
        ctx.done().recvCase(() => true),
      );
      timer.stop();
      if (ended) return [null, errors.errorf("retry: gave up after %d attempts: %w", i, ctx.err())];
    } else if (ctx.err() !== null) {
      return [null, errors.errorf("retry: not started: %w", ctx.err())];
    }
    const [value, err] = await attempt(ctx, policy.perAttempt, fn);
    if (err === null) return [value, null];
    last = err;
  }
  return [null, last];
}
