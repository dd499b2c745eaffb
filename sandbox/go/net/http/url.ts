// A small URL type mirroring Go's net/url.URL and url.Values.

/**
 * Values maps a string key to a list of values, as Go's url.Values. It is
 * typically used for query parameters. Keys are case-sensitive.
 */
export class Values {
  private readonly m = new Map<string, string[]>();

  /** Creates Values from a record (array values add several) or [key, value] pairs. */
  constructor(init?: Record<string, string | string[]> | Iterable<readonly [string, string]>) {
    if (!init) return;
    if (Symbol.iterator in init) {
      for (const [k, v] of init as Iterable<readonly [string, string]>) this.add(k, v);
    } else {
      for (const [k, v] of Object.entries(init)) for (const one of Array.isArray(v) ? v : [v]) this.add(k, one);
    }
  }

  /** get returns the first value for key, or "" if there is none (Go's Values.Get). */
  get(key: string): string {
    return this.m.get(key)?.[0] ?? "";
  }
  /** values returns every value for key (a copy). */
  values(key: string): string[] {
    return [...(this.m.get(key) ?? [])];
  }
  /** set replaces the values for key with value. */
  set(key: string, value: string): void {
    this.m.set(key, [value]);
  }
  /** add appends value to the values for key. */
  add(key: string, value: string): void {
    const vs = this.m.get(key);
    if (vs) vs.push(value);
    else this.m.set(key, [value]);
  }
  /** del deletes the values for key. */
  del(key: string): void {
    this.m.delete(key);
  }
  /** has reports whether key is present (possibly with the empty value). */
  has(key: string): boolean {
    return this.m.has(key);
  }
  /** keys returns the keys in sorted order. */
  keys(): string[] {
    return [...this.m.keys()].sort();
  }
  /** encode encodes the values in "URL encoded" form ("bar=baz&foo=quux") sorted by key. */
  encode(): string {
    const parts: string[] = [];
    for (const k of this.keys()) {
      for (const v of this.m.get(k)!) parts.push(queryEscape(k) + "=" + queryEscape(v));
    }
    return parts.join("&");
  }
}

type Mode = "path" | "pathSegment" | "query";

const upperhex = "0123456789ABCDEF";
const utf8 = new TextEncoder();
const utf8dec = new TextDecoder();

/** EscapeError reports a malformed %-escape (Go's url.EscapeError): `invalid URL escape "%zz"`. */
export class EscapeError extends Error {
  constructor(readonly escape: string) {
    super(`invalid URL escape ${JSON.stringify(escape)}`);
    this.name = "EscapeError";
  }
}

// shouldEscape reports whether byte c must be %-escaped in the given part
// of a URL (Go's net/url shouldEscape, without the host modes).
function shouldEscape(c: number, mode: Mode): boolean {
  if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39)) return false;
  const ch = String.fromCharCode(c);
  if ("-_.~".includes(ch)) return false;
  if ("$&+,/:;=?@".includes(ch)) {
    if (mode === "path") return ch === "?";
    if (mode === "pathSegment") return ch === "/" || ch === ";" || ch === "," || ch === "?";
    return true;
  }
  return true;
}

function escape(s: string, mode: Mode): string {
  let out = "";
  for (const b of utf8.encode(s)) {
    if (b === 0x20 && mode === "query") out += "+";
    else if (shouldEscape(b, mode)) out += "%" + upperhex[b >> 4]! + upperhex[b & 15]!;
    else out += String.fromCharCode(b);
  }
  return out;
}

const isHex = (c: number) => (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);

// unescape decodes %XX escapes (and "+" as space in query mode) as Go's
// url.unescape does. Bytes that are not valid UTF-8 become U+FFFD (a JS
// string cannot hold them; Go keeps the raw bytes).
function unescape(s: string, mode: Mode): string {
  if (!s.includes("%") && !(mode === "query" && s.includes("+"))) return s;
  for (let i = 0; i < s.length; i++) {
    if (s[i] !== "%") continue;
    if (i + 2 >= s.length || !isHex(s.charCodeAt(i + 1)) || !isHex(s.charCodeAt(i + 2))) {
      throw new EscapeError(s.slice(i, i + 3));
    }
    i += 2;
  }
  const bytes: number[] = [];
  for (const b of utf8.encode(s)) bytes.push(b);
  const out: number[] = [];
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b === 0x25) {
      out.push(parseInt(String.fromCharCode(bytes[i + 1]!, bytes[i + 2]!), 16));
      i += 2;
    } else if (b === 0x2b && mode === "query") out.push(0x20);
    else out.push(b);
  }
  return utf8dec.decode(new Uint8Array(out));
}

/** queryEscape escapes s so it can be placed inside a URL query (Go's url.QueryEscape): spaces become "+". */
export function queryEscape(s: string): string {
  return escape(s, "query");
}

/** queryUnescape undoes queryEscape (Go's url.QueryUnescape); it throws EscapeError on a bad %-escape. */
export function queryUnescape(s: string): string {
  return unescape(s, "query");
}

/** pathEscape escapes s so it can be placed inside a URL path segment (Go's url.PathEscape): "/" becomes "%2F". */
export function pathEscape(s: string): string {
  return escape(s, "pathSegment");
}

/** pathUnescape undoes pathEscape (Go's url.PathUnescape; "+" stays "+"); it throws EscapeError on a bad %-escape. */
export function pathUnescape(s: string): string {
  return unescape(s, "pathSegment");
}

/** @internal escapePathString escapes a whole path ("/" kept), as Go's URL.EscapedPath does. */
export function escapePathString(p: string): string {
  return escape(p, "path");
}

/**
 * parseQuery parses a URL-encoded query string ("a=1&b=2&a=3") as Go's
 * url.ParseQuery does: it returns the values and the first error met. A
 * pair containing ";" is dropped with the error "invalid semicolon separator
 * in query", a pair with a bad %-escape is dropped with an EscapeError; the
 * other pairs are kept.
 *
 *     const [v, err] = parseQuery("a=1&b=%zz");   // v has a, err is EscapeError
 */
export function parseQuery(query: string): [Values, Error | null] {
  const m = new Values();
  let err: Error | null = null;
  for (const part of query.split("&")) {
    if (part.includes(";")) {
      err = new Error("invalid semicolon separator in query");
      continue;
    }
    if (part === "") continue;
    const eq = part.indexOf("=");
    let k: string;
    let v: string;
    try {
      k = unescape(eq < 0 ? part : part.slice(0, eq), "query");
      v = unescape(eq < 0 ? "" : part.slice(eq + 1), "query");
    } catch (e) {
      err ??= e as Error;
      continue;
    }
    m.add(k, v);
  }
  return [m, err];
}

/**
 * A URL represents a parsed URL (Go's url.URL). For server requests only
 * `path` and `rawQuery` are usually set: `path` is decoded ("/a b"), and
 * escapedPath() returns the form that was on the wire ("/a%20b").
 */
export class URL {
  /** "http", "https" or "" for a request target like "/x". */
  scheme = "";
  /** "host" or "host:port"; "" for a path-only target. */
  host = "";
  /** The decoded path, e.g. "/products/42". */
  path = "";
  /** The encoded path when it differs from the default encoding of `path` (Go's RawPath). */
  rawPath = "";
  /** The encoded query without "?", e.g. "page=2&sort=price". */
  rawQuery = "";
  /** The fragment without "#". */
  fragment = "";

  /** query parses rawQuery and returns the values (a fresh copy each call); malformed pairs are dropped, as in Go. */
  query(): Values {
    return parseQuery(this.rawQuery)[0];
  }

  private escPath = "";
  private escFor: string | null = null;

  /** escapedPath returns the escaped form of path (rawPath if set). */
  escapedPath(): string {
    if (this.rawPath !== "") return this.rawPath;
    if (this.escFor !== this.path) {
      this.escFor = this.path;
      this.escPath = this.path === "*" ? "*" : escape(this.path, "path");
    }
    return this.escPath;
  }

  /** requestURI returns the encoded path?query, as sent in the request line. */
  requestURI(): string {
    const p = this.escapedPath() || "/";
    return this.rawQuery !== "" ? p + "?" + this.rawQuery : p;
  }

  /** string reassembles the URL ("http://host/path?query#fragment"). */
  string(): string {
    let s = "";
    if (this.scheme) s += this.scheme + ":";
    if (this.scheme || this.host) s += "//" + this.host;
    s += this.escapedPath();
    if (this.rawQuery !== "") s += "?" + this.rawQuery;
    if (this.fragment !== "") s += "#" + this.fragment;
    return s;
  }

  toString(): string {
    return this.string();
  }
}

/**
 * parseURL parses an absolute URL ("http://example.com/a?b") or a request
 * target ("/a?b"). Paths are not cleaned (the ServeMux does that). It throws
 * on an invalid %-escape in the path.
 */
export function parseURL(raw: string): URL {
  const u = new URL();
  let rest = raw;
  const hash = rest.indexOf("#");
  if (hash >= 0) {
    u.fragment = rest.slice(hash + 1);
    rest = rest.slice(0, hash);
  }
  const q = rest.indexOf("?");
  if (q >= 0) {
    u.rawQuery = rest.slice(q + 1);
    rest = rest.slice(0, q);
  }
  const m = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/([^/]*)(.*)$/.exec(rest);
  if (m) {
    u.scheme = m[1]!.toLowerCase();
    u.host = m[2]!;
    rest = m[3]!;
  }
  try {
    u.path = unescape(rest, "path");
  } catch (e) {
    throw new Error(`parse ${JSON.stringify(raw)}: ${(e as Error).message}`, { cause: e });
  }
  if (u.escapedPath() !== rest) u.rawPath = rest;
  return u;
}
