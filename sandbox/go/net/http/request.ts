// Request mirrors Go's *http.Request for handlers.

import type { Context } from "../../context";
import { background } from "../../context";
import { Body } from "./body";
import { Header } from "./header";
import type { Pattern } from "./pattern";
import { wildcardNames } from "./pattern";
import { parseURL, URL } from "./url";

/**
 * A Request represents an HTTP request received by a server (Go's
 * *http.Request). Handlers read the method, url, header and body, and get
 * wildcard values of the matched ServeMux pattern with pathValue.
 */
export class Request {
  /** The HTTP method ("GET", "POST", ...). */
  method = "GET";
  /** The parsed request target; url.path is decoded, url.query() parses the query. */
  url: URL;
  /** The protocol version, "HTTP/1.1". */
  proto = "HTTP/1.1";
  /** The request header fields (the Host header is moved to `host`, as in Go). */
  header: Header;
  /** The request body; replace it with maxBytesReader(w, r.body, n) to limit its size. */
  body: Body;
  /** The body length in bytes, as Go's ContentLength. */
  contentLength: number;
  /** The host the request is for, e.g. "example.com" (from the URL or Host header). */
  host: string;
  /** The client's address ("ip:port"). */
  remoteAddr = "192.0.2.1:1234";
  /** The unmodified request target, e.g. "/products/42?x=1". */
  requestURI: string;
  /** The ServeMux pattern that matched the request, set by ServeMux before calling the handler ("" if none). */
  pattern = "";

  private ctx: Context | null = null;
  /** @internal matched pattern and wildcard values, set by ServeMux. */
  pat: Pattern | null = null;
  /** @internal */
  matches: string[] = [];
  /** @internal */
  otherValues: Map<string, string> | null = null;

  /**
   * Creates a server request. Prefer httptest.newRequest in tests: it
   * fills in the host and remote address. `target` is a path with optional
   * query ("/a?b=1") or an absolute URL.
   */
  constructor(method: string, target: string, body: string | Uint8Array | Body = "", header?: Header) {
    this.method = method === "" ? "GET" : method;
    this.url = parseURL(target);
    this.requestURI = target;
    this.header = header ?? new Header();
    this.body = body instanceof Body ? body : new Body(body);
    this.contentLength = this.body.length;
    this.host = this.url.host;
  }

  /**
   * context returns the request's context: never null; background() if none
   * was set. For server requests it is cancelled when the client goes away,
   * when the handler returns, or by timeoutHandler. Check ctx.done() or
   * ctx.err() in long-running handlers.
   */
  context(): Context {
    return this.ctx ?? background();
  }

  /**
   * withContext returns a shallow copy of r with its context changed to ctx
   * (Go's r.WithContext). Use it to pass values or deadlines down the chain:
   * `next.serveHTTP(w, r.withContext(withValue(r.context(), key, v)))`.
   */
  withContext(ctx: Context): Request {
    if (ctx == null) throw new Error("nil context");
    const r2 = Object.assign(Object.create(Object.getPrototypeOf(this) as object), this) as Request;
    r2.ctx = ctx;
    return r2;
  }

  /**
   * clone returns a deep copy of r with its context changed to ctx: the
   * header, URL and path values are copied (the body bytes are shared).
   */
  clone(ctx: Context): Request {
    const r2 = this.withContext(ctx);
    r2.header = this.header.clone();
    r2.url = Object.assign(new URL(), this.url);
    r2.matches = [...this.matches];
    r2.otherValues = this.otherValues ? new Map(this.otherValues) : null;
    return r2;
  }

  /**
   * pathValue returns the value of the named wildcard in the ServeMux pattern
   * that matched the request ("GET /products/{id}" -> pathValue("id")). It
   * returns "" if the request was not matched against a pattern or there is no
   * such wildcard. Values are unescaped ("%20" -> " ").
   */
  pathValue(name: string): string {
    const i = this.pat ? wildcardNames(this.pat).indexOf(name) : -1;
    if (i >= 0) return this.matches[i] ?? "";
    return this.otherValues?.get(name) ?? "";
  }

  /** setPathValue sets name to value, so that later pathValue(name) returns value. */
  setPathValue(name: string, value: string): void {
    const i = this.pat ? wildcardNames(this.pat).indexOf(name) : -1;
    if (i >= 0) this.matches[i] = value;
    else (this.otherValues ??= new Map()).set(name, value);
  }

  /** text reads the whole body as UTF-8 (r.body.text()). */
  text(): Promise<string> {
    return this.body.text();
  }

  /** json reads the body and JSON.parses it, unchecked (see decodeJSON for validation). */
  json<T = unknown>(): Promise<T> {
    return this.body.json<T>();
  }

  /** bytes reads the whole body (Go's io.ReadAll(r.Body)). */
  bytes(): Promise<Uint8Array> {
    return this.body.bytes();
  }

  /**
   * basicAuth returns the username and password from an
   * "Authorization: Basic ..." header; ok is false if there is none or it is malformed.
   */
  basicAuth(): [username: string, password: string, ok: boolean] {
    const auth = this.header.get("Authorization");
    if (auth.slice(0, 6).toLowerCase() !== "basic ") return ["", "", false];
    let decoded: string;
    try {
      decoded = atob(auth.slice(6));
    } catch {
      return ["", "", false];
    }
    const i = decoded.indexOf(":");
    if (i < 0) return ["", "", false];
    return [decoded.slice(0, i), decoded.slice(i + 1), true];
  }

  /** userAgent returns the User-Agent header. */
  userAgent(): string {
    return this.header.get("User-Agent");
  }
}
