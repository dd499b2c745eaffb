// Serving one request the way Go's http.Server does, without a network:
// a fresh server-side Request with its own context, a buffering
// ResponseWriter, panic handling, and the Client that talks to it.

import type { Context } from "../../context";
import { afterFunc, background, withCancel } from "../../context";
import { makeChan, select } from "../../internal/chan";
import { panicText } from "../../internal/panic";
import { activeBubble, spawnGoroutine } from "../../internal/scheduler";
import { Body } from "./body";
import { clock } from "./clock";
import type { Handler } from "./handler";
import { Request } from "./request";
import type { Response } from "./response";
import { ServerResponseWriter } from "./writer";
import { parseURL } from "./url";

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
    if (watched && activeBubble()) {
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
      );
      if (got === "gone") throw clientCtx.err() ?? new Error("context canceled");
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

/**
 * URLError reports an error and the operation and URL that caused it (Go's
 * *url.Error), e.g. `Get "http://127.0.0.1:8080/slow": context deadline exceeded`.
 */
export class URLError extends Error {
  constructor(
    readonly op: string,
    readonly url: string,
    readonly err: Error,
  ) {
    super(`${op} ${JSON.stringify(url)}: ${err.message}`, { cause: err });
    this.name = "URLError";
  }
}

/**
 * ErrUseLastResponse can be returned by Client.checkRedirect to get the
 * redirect response itself instead of following it (Go's http.ErrUseLastResponse).
 */
export const ErrUseLastResponse = new Error("net/http: use last response");

/**
 * newRequest returns a client request (Go's http.NewRequest): url is
 * absolute ("http://host/path") or a path. It throws on an invalid URL.
 */
export function newRequest(method: string, url: string, body?: string | Uint8Array | null): Request {
  const r = new Request(method || "GET", url, body ?? "");
  r.requestURI = "";
  return r;
}

/** newRequestWithContext is newRequest with a context: cancelling ctx aborts the request (Go's http.NewRequestWithContext). */
export function newRequestWithContext(
  ctx: Context,
  method: string,
  url: string,
  body?: string | Uint8Array | null,
): Request {
  return newRequest(method, url, body).withContext(ctx);
}

/**
 * A Client sends requests to a handler (Go's *http.Client): there is no
 * network, so a Client comes from httptest's server.client(). It follows
 * up to 10 redirects like Go's client (301/302/303 turn into GET).
 */
export class Client {
  /**
   * checkRedirect, if set, is called before following a redirect with the
   * next request and the requests made so far; return ErrUseLastResponse to
   * stop and get the redirect response, another Error to fail.
   */
  checkRedirect: ((req: Request, via: Request[]) => Error | null | undefined) | null = null;

  /** @internal */
  constructor(
    private readonly base: string,
    private readonly handler: () => Handler,
  ) {}

  private resolve(u: string): string {
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(u)) return u;
    return this.base + (u.startsWith("/") ? u : "/" + u);
  }

  /**
   * do sends req and returns the response (Go's client.Do). It rejects with a
   * URLError if the handler panicked ("EOF", as the connection closes), the
   * request's context is done, or the server is closed.
   */
  async do(req: Request): Promise<Response> {
    const via: Request[] = [];
    let cur = req;
    for (;;) {
      const full = this.resolve(cur.url.string());
      const op = cur.method.charAt(0) + cur.method.slice(1).toLowerCase();
      const u = parseURL(full);
      const sreq = new Request(cur.method, full, cur.body, cur.header.clone()).withContext(cur.context());
      sreq.requestURI = u.requestURI();
      sreq.host = cur.header.get("Host") || u.host;
      sreq.header.del("Host");
      let resp: Response;
      try {
        const err = cur.context().err();
        if (err) throw err;
        resp = await serveRequest(this.handler(), sreq);
      } catch (e) {
        if (e instanceof HandlerPanic) throw new URLError(op, full, new Error("EOF"));
        throw new URLError(op, full, e instanceof Error ? e : new Error(String(e)));
      }
      const loc = resp.header.get("Location");
      if (![301, 302, 303, 307, 308].includes(resp.statusCode) || loc === "") return resp;
      via.push(cur);
      const keep = resp.statusCode === 307 || resp.statusCode === 308;
      const method = keep || cur.method === "HEAD" ? cur.method : "GET";
      const next = newRequest(
        method,
        new globalThis.URL(loc, full).toString(),
        keep ? cur.body.readSync() : null,
      ).withContext(cur.context());
      if (keep) next.header = cur.header.clone();
      if (via.length >= 10) throw new URLError(op, next.url.string(), new Error("stopped after 10 redirects"));
      const err = this.checkRedirect?.(next, via);
      if (err === ErrUseLastResponse) return resp;
      if (err) throw new URLError(op, next.url.string(), err);
      cur = next;
    }
  }

  /** get issues a GET to url (absolute, or a path on the server). */
  get(url: string): Promise<Response> {
    return this.do(newRequest("GET", this.resolve(url)));
  }

  /** head issues a HEAD to url. */
  head(url: string): Promise<Response> {
    return this.do(newRequest("HEAD", this.resolve(url)));
  }

  /** post issues a POST with the given Content-Type and body. */
  post(url: string, contentType: string, body: string | Uint8Array): Promise<Response> {
    const r = newRequest("POST", this.resolve(url), body);
    r.header.set("Content-Type", contentType);
    return this.do(r);
  }
}
