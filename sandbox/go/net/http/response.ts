// ResponseWriter, the reply helpers (error, notFound, redirect) and the
// client-side Response.

import { GoPanic } from "../../internal/panic";
import type { Handler } from "./handler";
import { Body } from "./body";
import { Cookie, readSetCookies } from "./cookie";
import type { Header } from "./header";
import { clean } from "./path";
import type { Request } from "./request";
import { statusText, StatusMovedPermanently } from "./status";

/**
 * A ResponseWriter is used by a handler to build the response (Go's
 * http.ResponseWriter).
 *
 * - header() returns the header map that writeHeader sends. Changing it after
 *   writeHeader (or the first write) has no effect, as in Go.
 * - writeHeader(code) sends the status line and headers. Only the first call
 *   counts; later calls are ignored (Go logs "superfluous WriteHeader call").
 * - write(body) writes part of the body; before the first writeHeader it
 *   calls writeHeader(200). It returns the number of bytes written. If no
 *   Content-Type (and no Content-Encoding) is set, a server sniffs one from
 *   the first 512 bytes of the body when it sends the header.
 */
export interface ResponseWriter {
  header(): Header;
  write(body: string | Uint8Array): number;
  writeHeader(statusCode: number): void;
}

/** checkWriteHeaderCode panics (throws) for status codes outside 100..999, as Go does. */
export function checkWriteHeaderCode(code: number): void {
  if (!Number.isInteger(code) || code < 100 || code > 999) {
    throw new GoPanic(`invalid WriteHeader code ${code}`);
  }
}

/**
 * error replies to the request with the message and HTTP code (Go's
 * http.Error): it deletes Content-Length, sets "Content-Type: text/plain;
 * charset=utf-8" and "X-Content-Type-Options: nosniff", writes the status and
 * then msg followed by "\n". The handler should return afterwards.
 */
export function error(w: ResponseWriter, msg: string, code: number): void {
  const h = w.header();
  h.del("Content-Length");
  h.set("Content-Type", "text/plain; charset=utf-8");
  h.set("X-Content-Type-Options", "nosniff");
  w.writeHeader(code);
  w.write(msg + "\n");
}

/** notFound replies with a 404 "404 page not found" error (Go's http.NotFound). */
export function notFound(w: ResponseWriter, _r: Request): void {
  error(w, "404 page not found", 404);
}

/** notFoundHandler returns a Handler that replies to every request with a 404 "404 page not found". */
export function notFoundHandler(): Handler {
  return { serveHTTP: notFound };
}

function htmlEscape(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&#34;", "'": "&#39;" })[c]!);
}

// hexEscapeNonASCII %-escapes the bytes of non-ASCII characters with
// lower-case hex digits, as Go's does (strconv.AppendInt base 16).
function hexEscapeNonASCII(s: string): string {
  return s.replace(/[\u0080-\u{10ffff}]+/gu, (run) =>
    Array.from(new TextEncoder().encode(run), (b) => "%" + b.toString(16)).join(""),
  );
}

// hasSchemeOrHost reports whether Go's url.Parse(u) would succeed with a
// scheme or host set; undefined if it would fail (then Go leaves u alone).
function hasSchemeOrHost(u: string): boolean | undefined {
  if ([...u].some((c) => c < " " || c === "\x7f")) return undefined; // net/url: invalid control character in URL
  const frag = u.indexOf("#");
  const rest = frag >= 0 ? u.slice(0, frag) : u;
  if (/%(?![0-9A-Fa-f]{2})/.test(u)) return undefined; // invalid URL escape
  const m = /^([A-Za-z][A-Za-z0-9+.-]*)?:/.exec(rest);
  if (m) return m[1] === undefined ? undefined : true; // ":x" is "missing protocol scheme"
  const path = rest.split("?")[0]!;
  // A colon in the first segment of a relative path is an error in Go.
  if (!path.startsWith("/") && path.split("/")[0]!.includes(":")) return undefined;
  // "//host/..." has a host; "///x" has an empty one and is just a path.
  return path.startsWith("//") && !path.startsWith("///");
}

/**
 * redirect replies to the request with a redirect to url (Go's
 * http.Redirect), which may be a path relative to the request path. code is
 * usually 301, 302, 303, 307 or 308. A url without scheme and host is made
 * absolute and cleaned ("///evil.example/x" becomes "/evil.example/x", so it
 * cannot send the client to another host); non-ASCII bytes are %-escaped. It
 * sets Location and, for GET and HEAD requests without a Content-Type, a
 * short HTML body linking to the target.
 */
export function redirect(w: ResponseWriter, r: Request, url: string, code: number): void {
  if (hasSchemeOrHost(url) === false) {
    let oldpath = r.url.path;
    if (oldpath === "") oldpath = "/";
    if (url === "" || url[0] !== "/") {
      url = oldpath.slice(0, oldpath.lastIndexOf("/") + 1) + url;
    }
    let query = "";
    const q = url.indexOf("?");
    if (q >= 0) {
      query = url.slice(q);
      url = url.slice(0, q);
    }
    const trailing = url.endsWith("/");
    url = clean(url);
    if (trailing && !url.endsWith("/")) url += "/";
    url += query;
  }
  const h = w.header();
  const hadCT = h.has("Content-Type");
  h.set("Location", hexEscapeNonASCII(url));
  if (!hadCT && (r.method === "GET" || r.method === "HEAD")) h.set("Content-Type", "text/html; charset=utf-8");
  w.writeHeader(code);
  if (!hadCT && r.method === "GET") {
    w.write(`<a href="${htmlEscape(url)}">${statusText(code)}</a>.\n\n`);
  }
}

/** redirectHandler returns a Handler that redirects every request to url with the given code. */
export function redirectHandler(url: string, code: number = StatusMovedPermanently): Handler {
  return { serveHTTP: (w, r) => redirect(w, r, url, code) };
}

/**
 * A Response is what a client receives (Go's *http.Response): from
 * httptest's server and client, and from ResponseRecorder.result().
 */
export class Response {
  /** e.g. "200 OK". */
  readonly status: string;
  /** e.g. 200. */
  readonly statusCode: number;
  readonly proto = "HTTP/1.1";
  readonly header: Header;
  readonly body: Body;
  /** The body length: the Content-Length, 0 for 1xx/204/304, or -1 if unknown (e.g. chunked). */
  readonly contentLength: number;
  /** The transfer encodings, outermost first (["chunked"] for a streamed reply); empty for identity. */
  readonly transferEncoding: string[];

  /** @internal */
  constructor(
    statusCode: number,
    header: Header,
    body: string | Uint8Array,
    opts: { contentLength?: number; transferEncoding?: string[]; status?: string } = {},
  ) {
    this.statusCode = statusCode;
    this.status = opts.status ?? `${String(statusCode).padStart(3, "0")} ${statusText(statusCode)}`;
    this.header = header;
    this.body = new Body(body);
    const cl = header.get("Content-Length").trim();
    this.contentLength =
      opts.contentLength ?? (/^\d+$/.test(cl) && Number(cl) <= Number.MAX_SAFE_INTEGER ? Number(cl) : -1);
    this.transferEncoding = opts.transferEncoding ?? [];
  }

  /** cookies parses and returns the cookies set in the Set-Cookie headers (malformed ones are skipped). */
  cookies(): Cookie[] {
    return readSetCookies(this.header);
  }

  /** text returns the body as UTF-8 text. */
  text(): Promise<string> {
    return this.body.text();
  }

  /** json parses the body as JSON. */
  json<T = unknown>(): Promise<T> {
    return this.body.json<T>();
  }

  /** bytes returns the raw body. */
  bytes(): Promise<Uint8Array> {
    return this.body.bytes();
  }
}
