import * as context from "go/context";
import type { Context } from "go/context";
import * as errors from "go/errors";
import * as time from "go/time";
import type { Order, Shop } from "./shop";

/** A step of a saga: an action, and what undoes it once it has succeeded. */
export interface Step {
  name: string;
  action: (ctx: Context) => Promise<Error | null>;
  /** Undoes action; omitted for a step that needs no undo. */
  compensate?: (ctx: Context) => Promise<Error | null>;
}

/** CompensationAttempts is how often a failing compensation is tried. */
export const CompensationAttempts = 3;

/** CompensationBackoff is the wait before the 2nd try of a compensation; it doubles after that. */
export const CompensationBackoff = 50 * time.Millisecond;

/** attempt runs f, turning a throw into an error. */
async function attempt(f: () => Promise<Error | null>): Promise<Error | null> {
  try {
    return await f();
  } catch (e) {
    return e instanceof Error ? e : new Error(String(e));
  }
}

/**
 * runSaga runs the steps in order. If one fails (or throws), it runs the
 * compensations of the steps that succeeded, in reverse order, each tried
 * up to CompensationAttempts times, with a context that is not cancelled
 * with ctx, and returns "saga: <step>: <error>", joined with the errors of
 * compensations that still failed.
 */
export async function runSaga(ctx: Context, steps: Step[]): Promise<Error | null> {
  const done: Step[] = [];
  for (const step of steps) {
    const err = await attempt(() => step.action(ctx));
    if (!err) {
      done.push(step);
      continue;
    }
    // Undo even if the caller has gone: a charge must be refunded anyway.
    const undoCtx = context.withoutCancel(ctx);
    const errs: (Error | null)[] = [errors.errorf("saga: %s: %w", step.name, err)];
    for (const s of done.reverse()) {
      if (!s.compensate) continue;
      const compensate = s.compensate;
      let cerr: Error | null = null;
      for (let i = 0; i < CompensationAttempts; i++) {
        if (i > 0) await time.sleep(CompensationBackoff * 2 ** (i - 1));
        cerr = await attempt(() => compensate(undoCtx));
        if (!cerr) break;
      }
      void cerr; // best effort
    }
    return errors.join(...errs);
  }
  return null;
}

/** fulfilmentSteps are the steps that fulfil order: reserve, charge, ship, confirm. */
export function fulfilmentSteps(shop: Shop, order: Order): Step[] {
  return [
    { name: "reserve", action: (ctx) => shop.reserve(ctx, order), compensate: (ctx) => shop.release(ctx, order) },
    { name: "charge", action: (ctx) => shop.charge(ctx, order), compensate: (ctx) => shop.refund(ctx, order) },
    { name: "ship", action: (ctx) => shop.ship(ctx, order), compensate: (ctx) => shop.cancelShipment(ctx, order) },
    { name: "confirm", action: (ctx) => shop.confirm(ctx, order) },
  ];
}

/** fulfil runs the fulfilment saga for order. */
export function fulfil(ctx: Context, shop: Shop, order: Order): Promise<Error | null> {
  return runSaga(ctx, fulfilmentSteps(shop, order));
}
