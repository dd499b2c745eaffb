// Handler, HandlerFunc and middleware composition.

import type { Request } from "./request";
import type { ResponseWriter } from "./response";

/**
 * A Handler responds to an HTTP request (Go's http.Handler). serveHTTP
 * should write the reply header and body to w and then return (or resolve).
 * Do not use w after serveHTTP has finished.
 */
export interface Handler {
  serveHTTP(w: ResponseWriter, r: Request): void | Promise<void>;
}

/**
 * HandlerFunc is the function form of a Handler (Go's http.HandlerFunc). It
 * may be async; any value it returns is ignored (so `(w) => w.write("ok")` is fine).
 */
export type HandlerFunc = (w: ResponseWriter, r: Request) => unknown;

/**
 * handlerFunc adapts an ordinary function to a Handler (Go's
 * http.HandlerFunc(f)): handlerFunc(f).serveHTTP(w, r) calls f(w, r).
 */
export function handlerFunc(fn: HandlerFunc): Handler {
  return { serveHTTP: fn as (w: ResponseWriter, r: Request) => void | Promise<void> };
}

/**
 * A Middleware wraps a Handler with behaviour that runs before and/or after
 * it, e.g. logging or authentication: `(next) => handlerFunc((w, r) => { ...; return next.serveHTTP(w, r) })`.
 */
export type Middleware = (next: Handler) => Handler;

/**
 * chain composes middleware: chain(a, b, c)(h) is a(b(c(h))), so the first
 * listed is the outermost: it sees the request first and the response last.
 */
export function chain(...mws: Middleware[]): (h: Handler) => Handler {
  return (h: Handler) => mws.reduceRight<Handler>((next, mw) => mw(next), h);
}
