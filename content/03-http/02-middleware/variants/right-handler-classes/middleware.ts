import type { Context } from "go/context";
import { withValue } from "go/context";
import * as http from "go/net/http";
import type { Handler, Header, Middleware, Request, ResponseWriter } from "go/net/http";
import * as time from "go/time";
import { newApp } from "./app";

/** A log sink: one line per call (console.log in the explorer, an array in tests). */
export type Logf = (line: string) => void;

// Go: type ctxKey struct{}. Only this module holds the object, so no one else can collide with it.
const idKey = Object.freeze({ name: "request id" });

/** requestIDFrom returns the request id stored in ctx by requestID, or "" if none. */
export function requestIDFrom(ctx: Context): string {
  const v = ctx.value(idKey);
  return typeof v === "string" ? v : "";
}

const validID = /^[-0-9A-Za-z]+$/;
let issued = 0;

/** requestIDHandler is requestID as a struct with a ServeHTTP method. */
class requestIDHandler implements Handler {
  constructor(private readonly next: Handler) {}
  async serveHTTP(w: ResponseWriter, r: Request): Promise<void> {
    const sent = r.header.get("X-Request-Id");
    const id = sent.length <= 64 && validID.test(sent) ? sent : "req-" + String(++issued);
    w.header().set("X-Request-Id", id);
    await this.next.serveHTTP(w, r.withContext(withValue(r.context(), idKey, id)));
  }
}

/**
 * requestID gives every request an id: the client's X-Request-Id if it is
 * 1-64 letters, digits or dashes, otherwise a new "req-<n>". It sets the
 * X-Request-Id response header and stores the id in the request context.
 */
export const requestID: Middleware = (next) => new requestIDHandler(next);

/** loggingWriter forwards to the real writer and notes the status that went out. */
class loggingWriter implements ResponseWriter {
  code = http.StatusOK;
  private wrote = false;
  constructor(private readonly inner: ResponseWriter) {}
  header(): Header {
    return this.inner.header();
  }
  writeHeader(code: number): void {
    if (!this.wrote) {
      this.wrote = true;
      this.code = code;
    }
    this.inner.writeHeader(code);
  }
  write(b: string | Uint8Array): number {
    this.wrote = true;
    return this.inner.write(b);
  }
}

class loggingHandler implements Handler {
  constructor(
    private readonly logf: Logf,
    private readonly next: Handler,
  ) {}
  async serveHTTP(w: ResponseWriter, r: Request): Promise<void> {
    const began = time.now();
    const lw = new loggingWriter(w);
    await this.next.serveHTTP(lw, r);
    const took = Math.floor(time.since(began) / time.Millisecond);
    const id = requestIDFrom(r.context());
    this.logf([r.method, r.url.path, lw.code, `${took}ms`, `id=${id === "" ? "-" : id}`].join(" "));
  }
}

/**
 * logging writes one line per request once it is served:
 * "<METHOD> <path> <status> <virtual ms>ms id=<request id or ->".
 */
export function logging(logf: Logf): Middleware {
  return (next) => new loggingHandler(logf, next);
}

class recoverHandler implements Handler {
  constructor(
    private readonly logf: Logf,
    private readonly next: Handler,
  ) {}
  async serveHTTP(w: ResponseWriter, r: Request): Promise<void> {
    try {
      await this.next.serveHTTP(w, r);
    } catch (e) {
      if (e === http.ErrAbortHandler) throw e;
      this.logf("panic: " + (e instanceof Error ? e.message : String(e)));
      http.writeJSON(w, http.StatusInternalServerError, {
        error: "internal server error",
        requestId: requestIDFrom(r.context()),
      });
    }
  }
}

/**
 * recoverer turns a panic in the handler into a JSON 500
 * {"error": "internal server error", "requestId": "<id>"} and logs "panic: <message>".
 */
export function recoverer(logf: Logf): Middleware {
  return (next) => new recoverHandler(logf, next);
}

/** newServer wraps the app in the middleware, in the right order. */
export function newServer(logf: Logf): Handler {
  return http.chain(requestID, logging(logf), recoverer(logf))(newApp());
}

/** The handler the API explorer talks to (logs go to the console). */
export const handler = newServer((line) => console.log(line));
