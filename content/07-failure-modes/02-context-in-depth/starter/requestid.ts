import * as context from "go/context";
import type { Context } from "go/context";

// TODO: a string key is shared with every package that uses the same
// string. Use a key that only this file can make.
const requestIDKey = "requestID";

/** withRequestID returns a copy of ctx that carries the request's id. */
export function withRequestID(ctx: Context, id: string): Context {
  return context.withValue(ctx, requestIDKey, id);
}

/** requestID returns the id withRequestID put in ctx, or "" if there is none. */
export function requestID(ctx: Context): string {
  const id = ctx.value(requestIDKey);
  return typeof id === "string" ? id : "";
}
