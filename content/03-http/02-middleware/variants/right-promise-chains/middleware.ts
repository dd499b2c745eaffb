import type { Context } from "go/context";
import { withValue } from "go/context";
import * as http from "go/net/http";
import type { Handler, Middleware, ResponseWriter } from "go/net/http";
import * as time from "go/time";
import { newApp } from "./app";

/** A log sink: one line per call (console.log in the explorer, an array in tests). */
export type Logf = (line: string) => void;

const key = Symbol("request id");

/** requestIDFrom returns the request id stored in ctx by requestID, or "" if none. */
export function requestIDFrom(ctx: Context): string {
  return (ctx.value(key) as string | undefined) ?? "";
}

let counter = 0;

/** nextID returns a fresh "req-<n>". */
const nextID = () => `req-${(counter += 1)}`;

/**
 * requestID gives every request an id: the client's X-Request-Id if it is
 * 1-64 letters, digits or dashes, otherwise a new "req-<n>". It sets the
 * X-Request-Id response header and stores the id in the request context.
 */
export const requestID: Middleware = (next) =>
  http.handlerFunc((w, r) => {
    const given = r.header.get("X-Request-Id");
    const ok = given.length >= 1 && given.length <= 64 && [...given].every((c) => /[a-z0-9-]/i.test(c));
    const id = ok ? given : nextID();
    w.header().set("X-Request-Id", id);
    return next.serveHTTP(w, r.withContext(withValue(r.context(), key, id)));
  });

/** recordStatus wraps w and returns it with a function that reports the status sent so far. */
function recordStatus(w: ResponseWriter): [ResponseWriter, () => number] {
  let status = 0;
  const rw: ResponseWriter = {
    header: () => w.header(),
    writeHeader: (code) => {
      status ||= code;
      w.writeHeader(code);
    },
    write: (b) => {
      status ||= http.StatusOK;
      return w.write(b);
    },
  };
  return [rw, () => status || http.StatusOK];
}

/**
 * logging writes one line per request once it is served:
 * "<METHOD> <path> <status> <virtual ms>ms id=<request id or ->".
 */
export function logging(logf: Logf): Middleware {
  return (next) =>
    http.handlerFunc((w, r) => {
      const t0 = time.now();
      const [rw, status] = recordStatus(w);
      return Promise.resolve(next.serveHTTP(rw, r)).then(() => {
        const ms = Math.trunc(time.now().sub(t0) / time.Millisecond);
        logf(`${r.method} ${r.url.path} ${status()} ${ms}ms id=${requestIDFrom(r.context()) || "-"}`);
      });
    });
}

/**
 * recoverer turns a panic in the handler into a JSON 500
 * {"error": "internal server error", "requestId": "<id>"} and logs "panic: <message>".
 */
export function recoverer(logf: Logf): Middleware {
  return (next) =>
    http.handlerFunc((w, r) =>
      Promise.resolve()
        .then(() => next.serveHTTP(w, r)) // inside then(): a synchronous throw becomes a rejection too
        .catch((err: unknown) => {
          if (err === http.ErrAbortHandler) throw err;
          logf(`panic: ${err instanceof Error ? err.message : String(err)}`);
          http.writeJSON(w, http.StatusInternalServerError, {
            error: "internal server error",
            requestId: requestIDFrom(r.context()),
          });
        }),
    );
}

/** newServer wraps the app in the middleware, in the right order. */
export function newServer(logf: Logf): Handler {
  // requestID outermost so everyone sees the id; logging outside recoverer so it sees the 500.
  return requestID(logging(logf)(recoverer(logf)(newApp())));
}

/** The handler the API explorer talks to (logs go to the console). */
export const handler = newServer((line) => console.log(line));
