import * as context from "go/context";
import type { Context } from "go/context";

// An unexported key type: no other package can make this key, so no other
// package can read or overwrite the value (Go: type ctxKey struct{}).
class RequestIDKey {}
const requestIDKey = new RequestIDKey();

/** withRequestID returns a copy of ctx that carries the request's id. */
export function withRequestID(ctx: Context, id: string): Context {
  return context.withValue(ctx, requestIDKey, id);
}

/** requestID returns the id withRequestID put in ctx, or "" if there is none. */
export function requestID(ctx: Context): string {
  const id = ctx.value(requestIDKey);
  return typeof id === "string" ? id : "";
}
