// The services an order touches: inventory, payments, shipping and the
// orders table. You do not need to change this file.
import { select } from "go";
import type { Context } from "go/context";
import * as errors from "go/errors";
import * as time from "go/time";

/** An operation of the shop, as it appears in the log. */
export type Op = "reserve" | "release" | "charge" | "refund" | "ship" | "cancel-shipment" | "confirm";

/** An order to fulfil. */
export interface Order {
  id: string;
  /** Cents to charge. */
  amount: number;
}

/**
 * Shop fakes the remote services. Every call takes 10ms of virtual time,
 * gives up with ctx.err() if ctx ends first, and is logged when it succeeds:
 * "reserve o1", "charge o1 2500", "refund o1", ...
 */
export class Shop {
  /** Every successful call, in order. */
  readonly log: string[] = [];
  /** Every call, failed ones included: "charge o1: card declined". */
  readonly calls: string[] = [];
  private readonly failures = new Map<string, { err: Error; times: number; throws: boolean }>();

  /** fail makes the next `times` calls of op for order fail with err (or throw it). */
  fail(op: Op, order: string, err: Error, times = 1, throws = false): void {
    this.failures.set(`${op} ${order}`, { err, times, throws });
  }

  /** call runs op for order: 10ms, cancellable, failing as planned. */
  private async call(ctx: Context, op: Op, order: Order, detail = ""): Promise<Error | null> {
    const what = `${op} ${order.id}${detail}`;
    const err = await select(
      time.after(10 * time.Millisecond).recvCase((): Error | null => null),
      ctx.done().recvCase((): Error | null => ctx.err()),
    );
    if (err) {
      this.calls.push(`${what}: ${err.message}`);
      return err;
    }
    const f = this.failures.get(`${op} ${order.id}`);
    if (f && f.times > 0) {
      f.times--;
      this.calls.push(`${what}: ${f.err.message}`);
      if (f.throws) throw f.err;
      return f.err;
    }
    this.calls.push(what);
    this.log.push(what);
    return null;
  }

  /** reserve takes the order's items from stock. */
  reserve(ctx: Context, o: Order): Promise<Error | null> {
    return this.call(ctx, "reserve", o);
  }
  /** release gives the order's items back (compensates reserve). */
  release(ctx: Context, o: Order): Promise<Error | null> {
    return this.call(ctx, "release", o);
  }
  /** charge takes the order's amount from the customer's card. */
  charge(ctx: Context, o: Order): Promise<Error | null> {
    return this.call(ctx, "charge", o, ` ${o.amount}`);
  }
  /** refund pays the order's amount back (compensates charge). */
  refund(ctx: Context, o: Order): Promise<Error | null> {
    return this.call(ctx, "refund", o, ` ${o.amount}`);
  }
  /** ship books a courier for the order. */
  ship(ctx: Context, o: Order): Promise<Error | null> {
    return this.call(ctx, "ship", o);
  }
  /** cancelShipment cancels the courier (compensates ship). */
  cancelShipment(ctx: Context, o: Order): Promise<Error | null> {
    return this.call(ctx, "cancel-shipment", o);
  }
  /** confirm marks the order confirmed: the last step, nothing after it can fail. */
  confirm(ctx: Context, o: Order): Promise<Error | null> {
    return this.call(ctx, "confirm", o);
  }
}

/** ErrDeclined is what the payment service answers for a declined card. */
export const ErrDeclined = errors.new("card declined");
