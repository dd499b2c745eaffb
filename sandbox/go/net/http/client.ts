// The client side: Client (Go's http.Client), newRequest, the package-level
// get/head/post, and URLError.

import type { Context } from "../../context";
import { DeadlineExceeded, withTimeout } from "../../context";
import type { Duration } from "../../time";
import type { Server } from "./httpserver";
import { dial } from "./httpserver";
import { Request } from "./request";
import type { Response } from "./response";
import { HandlerPanic } from "./server";
import { parseURL } from "./url";

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

/** The fields of a Client (Go's http.Client struct literal). */
export interface ClientConfig {
  timeout?: Duration;
  checkRedirect?: ((req: Request, via: Request[]) => Error | null | undefined) | null;
}

/**
 * A Client sends requests to servers of this program (Go's *http.Client):
 * `new http.Client({ timeout: 5 * time.Second })`, http.defaultClient, or
 * an httptest server's client(). A URL's host:port is looked up among the
 * listening servers (http.Server.listenAndServe, httptest.newServer); a
 * port nobody listens on gives Go's "connection refused". It follows up to
 * 10 redirects like Go's client (301/302/303 turn into GET).
 */
export class Client {
  /**
   * checkRedirect, if set, is called before following a redirect with the
   * next request and the requests made so far; return ErrUseLastResponse to
   * stop and get the redirect response, another Error to fail.
   */
  checkRedirect: ((req: Request, via: Request[]) => Error | null | undefined) | null = null;
  /**
   * timeout limits the time of each request, redirects included (0: none),
   * on the virtual clock: then do fails with "context deadline exceeded
   * (Client.Timeout exceeded while awaiting headers)". Needs a synctest bubble.
   */
  timeout: Duration = 0;
  /** @internal base URL for path-only requests, and the dialer. */
  base = "";
  /** @internal */
  dialer: (hostport: string) => Server = dial;

  constructor(config: ClientConfig = {}) {
    Object.assign(this, config);
  }

  private resolve(u: string): string {
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(u) || this.base === "") return u;
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
      let cancel: (() => void) | null = null;
      try {
        const err = cur.context().err();
        if (err) throw err;
        if (u.scheme !== "http" && u.scheme !== "https")
          throw new Error(`unsupported protocol scheme ${JSON.stringify(u.scheme)}`);
        const server = this.dialer(u.host);
        if (this.timeout > 0) {
          const [ctx, c] = withTimeout(sreq.context(), this.timeout);
          cancel = c;
          resp = await server.roundTrip(sreq.withContext(ctx), u.host);
        } else {
          resp = await server.roundTrip(sreq, u.host);
        }
      } catch (e) {
        if (e instanceof HandlerPanic) throw new URLError(op, full, new Error("EOF"));
        if (e === DeadlineExceeded && this.timeout > 0 && cur.context().err() === null) {
          throw new URLError(
            op,
            full,
            new Error("context deadline exceeded (Client.Timeout exceeded while awaiting headers)"),
          );
        }
        throw new URLError(op, full, e instanceof Error ? e : new Error(String(e)));
      } finally {
        cancel?.();
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

/** defaultClient is the Client used by get, head and post (Go's http.DefaultClient). */
export const defaultClient = new Client();

/** get issues a GET to url with defaultClient (Go's http.Get). */
export function get(url: string): Promise<Response> {
  return defaultClient.get(url);
}

/** head issues a HEAD to url with defaultClient (Go's http.Head). */
export function head(url: string): Promise<Response> {
  return defaultClient.head(url);
}

/** post issues a POST to url with defaultClient (Go's http.Post). */
export function post(url: string, contentType: string, body: string | Uint8Array): Promise<Response> {
  return defaultClient.post(url, contentType, body);
}
