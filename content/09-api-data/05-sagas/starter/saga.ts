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

/**
 * runSaga runs the steps in order. If one fails (or throws), it runs the
 * compensations of the steps that succeeded, in reverse order, each tried
 * up to CompensationAttempts times, with a context that is not cancelled
 * with ctx, and returns "saga: <step>: <error>", joined with the errors of
 * compensations that still failed.
 */
export async function runSaga(ctx: Context, steps: Step[]): Promise<Error | null> {
  // TODO: compensate the steps that succeeded, in reverse, when one fails.
  for (const step of steps) {
    const err = await step.action(ctx);
    if (err) return errors.errorf("saga: %s: %w", step.name, err);
  }
  return null;
}

/** fulfilmentSteps are the steps that fulfil order: reserve, charge, ship, confirm. */
export function fulfilmentSteps(shop: Shop, order: Order): Step[] {
  return [
    // TODO: each of these needs its compensation (release, refund, cancelShipment).
    { name: "reserve", action: (ctx) => shop.reserve(ctx, order) },
    { name: "charge", action: (ctx) => shop.charge(ctx, order) },
    { name: "ship", action: (ctx) => shop.ship(ctx, order) },
    { name: "confirm", action: (ctx) => shop.confirm(ctx, order) },
  ];
}

/** fulfil runs the fulfilment saga for order. */
export function fulfil(ctx: Context, shop: Shop, order: Order): Promise<Error | null> {
  return runSaga(ctx, fulfilmentSteps(shop, order));
}
