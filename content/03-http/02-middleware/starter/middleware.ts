import type { Context } from "go/context";
import * as http from "go/net/http";
import type { Handler, Middleware } from "go/net/http";
import { newApp } from "./app";

/** A log sink: one line per call (console.log in the explorer, an array in tests). */
export type Logf = (line: string) => void;

/** requestIDFrom returns the request id stored in ctx by requestID, or "" if none. */
export function requestIDFrom(ctx: Context): string {
  // TODO: read the value stored by requestID.
  void ctx;
  return "";
}

/**
 * requestID gives every request an id: the client's X-Request-Id if it is
 * 1-64 letters, digits or dashes, otherwise a new "req-<n>". It sets the
 * X-Request-Id response header and stores the id in the request context.
 */
export const requestID: Middleware = (next) => next; // TODO

/**
 * logging writes one line per request once it is served:
 * "<METHOD> <path> <status> <duration> id=<request id or ->", the duration
 * printed as Go prints a time.Duration ("30ms", "0s": time.durationString).
 */
export function logging(logf: Logf): Middleware {
  void logf;
  return (next) => next; // TODO
}

/**
 * recoverer turns a panic in the handler into a JSON 500
 * {"error": "internal server error", "requestId": "<id>"} and logs "panic: <message>".
 */
export function recoverer(logf: Logf): Middleware {
  void logf;
  return (next) => next; // TODO
}

/** newServer wraps the app in the middleware, in the right order. */
export function newServer(logf: Logf): Handler {
  // TODO: is this the right order?
  return http.chain(recoverer(logf), logging(logf), requestID)(newApp());
}

/** The handler the API explorer talks to (logs go to the console). */
export const handler = newServer((line) => console.log(line));
