import type { Context } from "go/context";
import { withValue } from "go/context";
import * as http from "go/net/http";
import type { Handler, Header, Middleware, ResponseWriter } from "go/net/http";
import * as time from "go/time";
import { newApp } from "./app";

/** A log sink: one line per call (console.log in the explorer, an array in tests). */
export type Logf = (line: string) => void;

// An unexported key type in Go; a unique symbol here.
const requestIDKey = Symbol("requestID");

/** requestIDFrom returns the request id stored in ctx by requestID, or "" if none. */
export function requestIDFrom(ctx: Context): string {
  const id = ctx.value(requestIDKey);
  return typeof id === "string" ? id : "";
}

let lastID = 0;

/**
 * requestID gives every request an id: the client's X-Request-Id if it is
 * 1-64 letters, digits or dashes, otherwise a new "req-<n>". It sets the
 * X-Request-Id response header and stores the id in the request context.
 */
export const requestID: Middleware = (next) =>
  http.handlerFunc((w, r) => {
    let id = r.header.get("X-Request-Id");
    if (!/^[A-Za-z0-9-]{1,64}$/.test(id)) id = `req-${++lastID}`;
    w.header().set("X-Request-Id", id);
    return next.serveHTTP(w, r.withContext(withValue(r.context(), requestIDKey, id)));
  });

/** statusRecorder remembers the status a handler sent (Go: embed http.ResponseWriter). */
class statusRecorder implements ResponseWriter {
  status = 0;
  constructor(private readonly w: ResponseWriter) {}
  header(): Header {
    return this.w.header();
  }
  writeHeader(code: number): void {
    if (this.status === 0) this.status = code;
    this.w.writeHeader(code);
  }
  write(b: string | Uint8Array): number {
    if (this.status === 0) this.status = http.StatusOK;
    return this.w.write(b);
  }
}

/**
 * logging writes one line per request once it is served:
 * "<METHOD> <path> <status> <virtual ms>ms id=<request id or ->".
 */
export function logging(logf: Logf): Middleware {
  return (next) => {
    let start = time.now();
    return http.handlerFunc(async (w, r) => {
      start = time.now();
      const rec = new statusRecorder(w);
      await next.serveHTTP(rec, r);
      const status = rec.status || http.StatusOK;
      const ms = Math.trunc(time.since(start) / time.Millisecond); // Go: time.Since(start).Milliseconds()
      logf(`${r.method} ${r.url.path} ${status} ${ms}ms id=${requestIDFrom(r.context()) || "-"}`);
    });
  };
}

/**
 * recoverer turns a panic in the handler into a JSON 500
 * {"error": "internal server error", "requestId": "<id>"} and logs "panic: <message>".
 */
export function recoverer(logf: Logf): Middleware {
  return (next) =>
    http.handlerFunc(async (w, r) => {
      try {
        await next.serveHTTP(w, r);
      } catch (err) {
        if (err === http.ErrAbortHandler) throw err;
        logf(`panic: ${err instanceof Error ? err.message : String(err)}`);
        http.writeJSON(w, http.StatusInternalServerError, {
          error: "internal server error",
          requestId: requestIDFrom(r.context()),
        });
      }
    });
}

/** newServer wraps the app in the middleware, in the right order. */
export function newServer(logf: Logf): Handler {
  // requestID first, so everything inside sees the id; logging outside
  // recoverer, so it logs the 500 that recoverer writes.
  return http.chain(requestID, logging(logf), recoverer(logf))(newApp());
}

/** The handler the API explorer talks to (logs go to the console). */
export const handler = newServer((line) => console.log(line));
