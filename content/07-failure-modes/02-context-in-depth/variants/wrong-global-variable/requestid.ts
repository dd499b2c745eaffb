import * as context from "go/context";
import type { Context } from "go/context";

/** withRequestID returns a copy of ctx that carries the request's id. */
let current = "";

export function withRequestID(ctx: Context, id: string): Context {
  current = id;
  return ctx;
}

/** requestID returns the id withRequestID put in ctx, or "" if there is none. */
export function requestID(ctx: Context): string {
  return ctx === context.background() ? "" : current;
}
