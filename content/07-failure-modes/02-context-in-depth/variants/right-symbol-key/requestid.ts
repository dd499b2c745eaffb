import * as context from "go/context";
import type { Context } from "go/context";

// Symbol() (not Symbol.for) makes a key no other code can make again.
const requestIDKey = Symbol("requestID");

/** withRequestID returns a copy of ctx that carries the request's id. */
export function withRequestID(ctx: Context, id: string): Context {
  return context.withValue(ctx, requestIDKey, id);
}

/** requestID returns the id withRequestID put in ctx, or "" if there is none. */
export function requestID(ctx: Context): string {
  const id = ctx.value(requestIDKey);
  return typeof id === "string" ? id : "";
}
