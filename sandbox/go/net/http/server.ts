// Serving one request the way Go's http.Server does, without a network:
// a fresh server-side Request with its own context, a buffering
// ResponseWriter and panic handling.

import { afterFunc, background, withCancel } from "../../context";
import type { Chan } from "../../internal/chan";
import { makeChan, nilChan, select } from "../../internal/chan";
import { panicText } from "../../internal/panic";
import { activeBubble, spawnGoroutine } from "../../internal/scheduler";
import { Body } from "./body";
import { clock } from "./clock";
import type { Handler } from "./handler";
import { Request } from "./request";
import type { Response } from "./response";
import { ServerResponseWriter } from "./writer";

/**
 * ErrAbortHandler is a sentinel panic value to abort a handler (Go's
 * http.ErrAbortHandler): the server closes the connection and, unlike other
 * panics, logs nothing.
 */
export const ErrAbortHandler = new Error("net/http: abort Handler");

/** HandlerPanic reports that a handler panicked (threw) instead of answering. */
export class HandlerPanic extends Error {
  /** What the handler threw. */
  readonly value: unknown;
  constructor(value: unknown) {
    super(panicText(value));
    this.name = "HandlerPanic";
    this.value = value;
  }
}

/** Options for serveRequest. */
export interface ServeOptions {
  /** Log panics like Go's server ("http: panic serving ..."); default true. */
  logPanics?: boolean;
  /** A channel closed when the server is closed: the client then fails with EOF (needs a bubble). */
  abort?: Chan<void> | null;
}

/**
 * @internal serveRequest serves r with h as Go's server does and returns the
 * response. r is the client's request: the handler gets a copy with a fresh
 * header and a context that is cancelled when h returns or when r's context
 * is cancelled (the client went away). If h throws, it rejects with
 * HandlerPanic (Go's server would log and close the connection).
 */
export async function serveRequest(h: Handler, r: Request, opts: ServeOptions = {}): Promise<Response> {
  const [ctx, cancel] = withCancel(background());
  const clientCtx = r.context();
  const watched = !clientCtx.done()._isNil;
  const stop = watched ? afterFunc(clientCtx, cancel) : null;
  const sr = new Request(
    r.method,
    r.requestURI || r.url.requestURI(),
    new Body(r.body.readSync()),
    r.header.clone(),
  ).withContext(ctx);
  sr.host = r.host;
  sr.remoteAddr = r.remoteAddr;
  const w = new ServerResponseWriter(r.method, () => new Date(clock()));
  const fail = (e: unknown): never => {
    w.finished = true;
    if (opts.logPanics !== false && e !== ErrAbortHandler) {
      const stack = e instanceof Error && e.stack ? "\n" + e.stack : "";
      console.error(`http: panic serving ${sr.remoteAddr}: ${panicText(e)}${stack}`);
    }
    throw new HandlerPanic(e);
  };
  try {
    if ((watched || opts.abort) && activeBubble()) {
      // Go runs each connection in its own goroutine; do the same so that a
      // cancelled client stops waiting while the handler may keep running.
      const result = makeChan<{ err: unknown } | null>(1);
      spawnGoroutine(async () => {
        try {
          await h.serveHTTP(w, sr);
          await result.send(null);
        } catch (e) {
          await result.send({ err: e });
        } finally {
          cancel();
        }
      }, `http.serve ${r.method} ${r.url.path}`);
      const got = await select(
        result.recvCase((v) => v),
        clientCtx.done().recvCase(() => "gone" as const),
        (opts.abort ?? nilChan<void>()).recvCase(() => "closed" as const),
      );
      if (got === "gone") throw clientCtx.err() ?? new Error("context canceled");
      if (got === "closed") throw new HandlerPanic(new Error("server closed"));
      if (got) fail(got.err);
    } else {
      try {
        await h.serveHTTP(w, sr);
      } catch (e) {
        fail(e);
      }
    }
  } finally {
    cancel();
    stop?.();
  }
  return w.finish();
}
