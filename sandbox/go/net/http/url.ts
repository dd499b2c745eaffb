// A small URL type mirroring Go's net/url.URL and url.Values.

import { pathUnescape } from "./path";

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

/** queryEscape escapes s so it can be placed inside a URL query (spaces become "+"). */
export function queryEscape(s: string): string {
  return encodeURIComponent(s)
    .replace(/%20/g, "+")
    .replace(/[!'()*]/g, (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase());
}

function unescapeQuery(s: string): string {
  return pathUnescape(s.replace(/\+/g, " "));
}

/** parseQuery parses a URL-encoded query string ("a=1&b=2&a=3") into Values. */
export function parseQuery(query: string): Values {
  const v = new Values();
  for (const part of query.split("&")) {
    if (part === "") continue;
    const eq = part.indexOf("=");
    const k = eq < 0 ? part : part.slice(0, eq);
    const val = eq < 0 ? "" : part.slice(eq + 1);
    v.add(unescapeQuery(k), unescapeQuery(val));
  }
  return v;
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

  /** query parses rawQuery and returns the values (a fresh copy each call). */
  query(): Values {
    return parseQuery(this.rawQuery);
  }

  private escPath = "";
  private escFor: string | null = null;

  /** escapedPath returns the escaped form of path (rawPath if set). */
  escapedPath(): string {
    if (this.rawPath !== "") return this.rawPath;
    if (this.escFor !== this.path) {
      this.escFor = this.path;
      this.escPath = /^[A-Za-z0-9/\-._~!$&'()*+,;=:@]*$/.test(this.path)
        ? this.path
        : encodeURI(this.path).replace(/[?#]/g, (c) => (c === "?" ? "%3F" : "%23"));
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
  if (/%(?![0-9A-Fa-f]{2})/.test(rest)) {
    throw new Error(`parse ${JSON.stringify(raw)}: invalid URL escape`);
  }
  u.path = pathUnescape(rest);
  if (u.escapedPath() !== rest) u.rawPath = rest;
  return u;
}
