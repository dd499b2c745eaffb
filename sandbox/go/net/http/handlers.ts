// Handler wrappers from net/http: timeoutHandler, maxBytesHandler,
// maxBytesReader, stripPrefix.

import { DeadlineExceeded, withTimeout } from "../../context";
import { makeChan, select } from "../../internal/chan";
import { spawnGoroutine } from "../../internal/scheduler";
import type { Body } from "./body";
import { toBytes } from "./body";
import type { Handler } from "./handler";
import { Header } from "./header";
import type { Request } from "./request";
import type { ResponseWriter } from "./response";
import { checkWriteHeaderCode, notFound } from "./response";
import { StatusServiceUnavailable } from "./status";

/**
 * ErrHandlerTimeout is recorded for writes to a timed-out handler's
 * ResponseWriter (Go's http.ErrHandlerTimeout); such writes are dropped.
 */
export const ErrHandlerTimeout = new Error("http: Handler timeout");

class TimeoutWriter implements ResponseWriter {
  readonly h = new Header();
  chunks: Uint8Array[] = [];
  code = 0;
  wrote = false;
  timedOut = false;
  err: Error | null = null;

  header(): Header {
    return this.h;
  }
  writeHeader(code: number): void {
    checkWriteHeaderCode(code);
    if (this.timedOut || this.wrote) return;
    this.wrote = true;
    this.code = code;
  }
  write(b: string | Uint8Array): number {
    if (this.timedOut) {
      this.err = ErrHandlerTimeout;
      return 0;
    }
    if (!this.wrote) this.writeHeader(200);
    const bytes = toBytes(b);
    this.chunks.push(bytes.slice());
    return bytes.length;
  }
}

const defaultTimeoutBody = "<html><head><title>Timeout</title></head><body><h1>Timeout</h1></body></html>";

/**
 * timeoutHandler returns a Handler that runs h with a time limit (Go's
 * http.TimeoutHandler). h runs in its own goroutine with r's context
 * replaced by one that is cancelled after dt (a time.Duration). If h finishes in
 * time, its buffered response is sent; otherwise the client gets
 * 503 Service Unavailable with msg as the body (a default HTML page if msg
 * is ""), and h's later writes are dropped. h should watch r.context() and
 * stop early. A panic in h is re-thrown by the wrapper. Only inside synctest.run.
 */
export function timeoutHandler(h: Handler, dt: number, msg: string): Handler {
  return {
    async serveHTTP(w: ResponseWriter, r: Request): Promise<void> {
      const [ctx, cancel] = withTimeout(r.context(), dt);
      try {
        const r2 = r.withContext(ctx);
        const tw = new TimeoutWriter();
        const done = makeChan<{ panic: unknown } | null>(1);
        spawnGoroutine(async () => {
          try {
            await h.serveHTTP(tw, r2);
            await done.send(null);
          } catch (p) {
            await done.send({ panic: p });
          }
        }, "http.timeoutHandler");
        await select(
          done.recvCase((res) => {
            if (res) throw res.panic;
            const dst = w.header();
            for (const k of tw.h.keys()) {
              dst.del(k);
              for (const v of tw.h.values(k)) dst.add(k, v);
            }
            w.writeHeader(tw.wrote ? tw.code : 200);
            for (const c of tw.chunks) w.write(c);
          }),
          ctx.done().recvCase(() => {
            tw.timedOut = true;
            w.writeHeader(StatusServiceUnavailable);
            if (ctx.err() === DeadlineExceeded) {
              w.write(msg !== "" ? msg : defaultTimeoutBody);
              tw.err = ErrHandlerTimeout;
            } else {
              tw.err = ctx.err();
            }
          }),
        );
      } finally {
        cancel();
      }
    },
  };
}

/**
 * maxBytesReader limits the size of a request body (Go's
 * http.MaxBytesReader): `r.body = maxBytesReader(w, r.body, 1 << 20)`.
 * Reading a body larger than n fails with MaxBytesError
 * ("http: request body too large"). w is accepted for Go compatibility.
 */
export function maxBytesReader(_w: ResponseWriter | null, body: Body, n: number): Body {
  return body.withLimit(n);
}

/** maxBytesHandler returns a Handler that runs h with r.body limited to n bytes (Go's http.MaxBytesHandler). */
export function maxBytesHandler(h: Handler, n: number): Handler {
  return {
    serveHTTP(w: ResponseWriter, r: Request) {
      const r2 = r.withContext(r.context());
      r2.body = r.body.withLimit(n);
      return h.serveHTTP(w, r2);
    },
  };
}

/**
 * stripPrefix returns a Handler that removes prefix from the request URL's
 * path and invokes h (Go's http.StripPrefix); paths without the prefix get
 * a 404. Example: `mux.handle("/api/", stripPrefix("/api", apiMux))`.
 */
export function stripPrefix(prefix: string, h: Handler): Handler {
  if (prefix === "") return h;
  return {
    serveHTTP(w: ResponseWriter, r: Request) {
      const p = r.url.path;
      const rp = r.url.rawPath;
      if (!p.startsWith(prefix) || (rp !== "" && !rp.startsWith(prefix))) {
        notFound(w, r);
        return;
      }
      const r2 = r.withContext(r.context());
      r2.url = Object.assign(Object.create(Object.getPrototypeOf(r.url) as object) as typeof r.url, r.url);
      r2.url.path = p.slice(prefix.length);
      r2.url.rawPath = rp === "" ? "" : rp.slice(prefix.length);
      return h.serveHTTP(w, r2);
    },
  };
}
