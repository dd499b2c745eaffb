// ResponseWriter, the reply helpers (error, notFound, redirect) and the
// client-side Response.

import { GoPanic } from "../../internal/panic";
import type { Handler } from "./handler";
import { Body, fromBytes, toBytes } from "./body";
import { Header } from "./header";
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
 *   calls writeHeader(200) and, if Content-Type is unset, sniffs one from the
 *   data. It returns the number of bytes written.
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
 * detectContentType guesses a Content-Type for the first bytes of a body
 * (a small subset of Go's http.DetectContentType): HTML, XML, PDF, PNG,
 * JPEG, GIF, then "text/plain; charset=utf-8" for text and
 * "application/octet-stream" otherwise. JSON is sniffed as text/plain, as in Go:
 * set Content-Type yourself (writeJSON does).
 */
export function detectContentType(data: Uint8Array): string {
  const head = fromBytes(data.subarray(0, 512));
  const trimmed = head.replace(/^[\t\n\f\r ]+/, "").toLowerCase();
  const html = [
    "<!doctype html",
    "<html",
    "<head",
    "<script",
    "<iframe",
    "<h1",
    "<div",
    "<font",
    "<table",
    "<a",
    "<style",
    "<title",
    "<b",
    "<body",
    "<br",
    "<p",
    "<!--",
  ];
  for (const h of html) {
    if (trimmed.startsWith(h)) {
      const next = trimmed.charAt(h.length);
      if (h === "<!--" || next === " " || next === ">") return "text/html; charset=utf-8";
    }
  }
  if (trimmed.startsWith("<?xml")) return "text/xml; charset=utf-8";
  if (head.startsWith("%PDF-")) return "application/pdf";
  if (data[0] === 0x89 && head.slice(1, 4) === "PNG") return "image/png";
  if (data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return "image/jpeg";
  if (head.startsWith("GIF87a") || head.startsWith("GIF89a")) return "image/gif";
  for (let i = 0; i < Math.min(data.length, 512); i++) {
    const b = data[i]!;
    if (b <= 0x08 || b === 0x0b || (b >= 0x0e && b <= 0x1a) || (b >= 0x1c && b <= 0x1f))
      return "application/octet-stream";
  }
  return "text/plain; charset=utf-8";
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

/**
 * redirect replies to the request with a redirect to url (Go's
 * http.Redirect), which may be a path relative to the request path. code is
 * usually 301, 302, 303, 307 or 308. It sets Location and, for GET and HEAD
 * requests without a Content-Type, a short HTML body linking to the target.
 */
export function redirect(w: ResponseWriter, r: Request, url: string, code: number): void {
  if (!/^[A-Za-z][A-Za-z0-9+.-]*:/.test(url) && !url.startsWith("//")) {
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
  h.set(
    "Location",
    url.replace(/[\u0080-\u{10ffff}]/gu, (c) => encodeURIComponent(c)),
  );
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
  /** Content-Length if the header had one, else -1. */
  readonly contentLength: number;

  constructor(statusCode: number, header: Header, body: string | Uint8Array) {
    this.statusCode = statusCode;
    this.status = `${String(statusCode).padStart(3, "0")} ${statusText(statusCode)}`.trimEnd();
    this.header = header;
    this.body = new Body(body);
    const cl = header.get("Content-Length");
    this.contentLength = /^\d+$/.test(cl) ? Number(cl) : -1;
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

function bodyAllowedForStatus(code: number): boolean {
  return !((code >= 100 && code <= 199) || code === 204 || code === 304);
}

/**
 * @internal The ResponseWriter a server passes to handlers: it buffers the
 * response, snapshots the header at writeHeader, drops bodies for HEAD and
 * for 1xx/204/304, and on finish() adds Content-Length (and Date) like Go's server.
 */
export class ServerResponseWriter implements ResponseWriter {
  private readonly h = new Header();
  private snap: Header | null = null;
  private chunks: Uint8Array[] = [];
  private written = 0;
  code = 0;
  /** Set by the server when the handler has returned; later calls are ignored with a warning. */
  finished = false;

  constructor(private readonly method: string) {}

  /** header returns the header map sent by writeHeader. */
  header(): Header {
    return this.h;
  }

  /** True once the status line has been sent. */
  get wroteHeader(): boolean {
    return this.snap !== null;
  }

  /** writeHeader sends the status and snapshots the header; later calls are ignored with a warning. */
  writeHeader(code: number): void {
    if (this.finished) return;
    if (this.snap) {
      console.warn("http: superfluous response.writeHeader call");
      return;
    }
    checkWriteHeaderCode(code);
    this.code = code;
    this.snap = this.h.clone();
  }

  /** write sends body bytes (dropped for HEAD and for 1xx/204/304 responses). */
  write(body: string | Uint8Array): number {
    if (this.finished) return 0;
    const b = toBytes(body);
    if (!this.snap) {
      if (!this.h.has("Content-Type") && this.h.get("Transfer-Encoding") === "" && b.length > 0) {
        this.h.set("Content-Type", detectContentType(b));
      }
      this.writeHeader(200);
    }
    if (!bodyAllowedForStatus(this.code)) return 0;
    this.written += b.length;
    if (this.method !== "HEAD" && b.length > 0) this.chunks.push(b.slice());
    return b.length;
  }

  /** finish completes the response (200 if nothing was written) and returns it. */
  finish(date?: Date): Response {
    if (!this.snap) this.writeHeader(200);
    this.finished = true;
    const h = this.snap!;
    if (bodyAllowedForStatus(this.code)) {
      if (!h.has("Content-Length") && h.get("Transfer-Encoding") === "") h.set("Content-Length", String(this.written));
    } else {
      h.del("Content-Length");
    }
    if (date && !h.has("Date")) h.set("Date", date.toUTCString());
    const body = new Uint8Array(this.chunks.reduce((n, c) => n + c.length, 0));
    let off = 0;
    for (const c of this.chunks) {
      body.set(c, off);
      off += c.length;
    }
    return new Response(this.code, h, body);
  }
}
