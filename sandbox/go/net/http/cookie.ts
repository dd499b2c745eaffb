// HTTP cookies, ported from Go's net/http cookie.go (RFC 6265).

import type { Header } from "./header";
import type { ResponseWriter } from "./response";

/** SameSite controls whether a browser sends a cookie on cross-site requests (Go's http.SameSite). */
export type SameSite = 0 | 1 | 2 | 3 | 4;
/** SameSiteDefaultMode: no SameSite attribute is written. */
export const SameSiteDefaultMode: SameSite = 1;
/** SameSiteLaxMode writes "SameSite=Lax". */
export const SameSiteLaxMode: SameSite = 2;
/** SameSiteStrictMode writes "SameSite=Strict". */
export const SameSiteStrictMode: SameSite = 3;
/** SameSiteNoneMode writes "SameSite=None" (browsers then require Secure). */
export const SameSiteNoneMode: SameSite = 4;

/** ErrNoCookie is returned by Request.cookie when the named cookie is not present (Go's http.ErrNoCookie). */
export const ErrNoCookie = new Error("http: named cookie not present");

/** The fields of a Cookie; every one but name is optional. */
export interface CookieInit {
  name: string;
  value?: string;
  /** Write the value in double quotes (set when a read value was quoted). */
  quoted?: boolean;
  path?: string;
  domain?: string;
  expires?: Date | null;
  rawExpires?: string;
  /** 0: no Max-Age attribute; < 0: delete now ("Max-Age=0"); > 0: seconds. */
  maxAge?: number;
  secure?: boolean;
  httpOnly?: boolean;
  sameSite?: SameSite;
  partitioned?: boolean;
  raw?: string;
  unparsed?: string[];
}

/**
 * A Cookie is an HTTP cookie as sent in a Set-Cookie response header or a
 * Cookie request header (Go's http.Cookie):
 *
 *     http.setCookie(w, new http.Cookie({ name: "session", value: id, path: "/", httpOnly: true, maxAge: 3600 }));
 */
export class Cookie {
  name: string;
  value: string;
  quoted: boolean;
  path: string;
  domain: string;
  /** The Expires attribute; null for none (Go's zero time.Time). */
  expires: Date | null;
  /** For cookies read from a header: the Expires text as sent. */
  rawExpires: string;
  /** 0 means no Max-Age attribute, < 0 means delete now ("Max-Age=0"), > 0 is seconds. */
  maxAge: number;
  secure: boolean;
  httpOnly: boolean;
  /** 0 (unset, like Go's zero value) or one of the SameSite* modes. */
  sameSite: SameSite;
  partitioned: boolean;
  /** For cookies read from a Set-Cookie header: the whole header value. */
  raw: string;
  /** For cookies read from a Set-Cookie header: attribute-value pairs not understood. */
  unparsed: string[];

  constructor(init: CookieInit) {
    this.name = init.name;
    this.value = init.value ?? "";
    this.quoted = init.quoted ?? false;
    this.path = init.path ?? "";
    this.domain = init.domain ?? "";
    this.expires = init.expires ?? null;
    this.rawExpires = init.rawExpires ?? "";
    this.maxAge = init.maxAge ?? 0;
    this.secure = init.secure ?? false;
    this.httpOnly = init.httpOnly ?? false;
    this.sameSite = init.sameSite ?? 0;
    this.partitioned = init.partitioned ?? false;
    this.raw = init.raw ?? "";
    this.unparsed = init.unparsed ?? [];
  }

  /**
   * string returns the serialization of the cookie for a Cookie header (if
   * only name and value are set) or a Set-Cookie header. It returns "" if the
   * name is invalid; invalid bytes in value and path are dropped and an
   * invalid domain is left out, each with a warning (as Go logs).
   */
  string(): string {
    if (!isCookieNameValid(this.name)) return "";
    let b = this.name + "=" + sanitizeCookieValue(this.value, this.quoted);
    if (this.path.length > 0) b += "; Path=" + sanitizeCookiePath(this.path);
    if (this.domain.length > 0) {
      if (validCookieDomain(this.domain)) {
        b += "; Domain=" + (this.domain[0] === "." ? this.domain.slice(1) : this.domain);
      } else {
        console.warn(`net/http: invalid Cookie.Domain ${JSON.stringify(this.domain)}; dropping domain attribute`);
      }
    }
    if (this.expires && validCookieExpires(this.expires)) b += "; Expires=" + this.expires.toUTCString();
    if (this.maxAge > 0) b += "; Max-Age=" + Math.trunc(this.maxAge);
    else if (this.maxAge < 0) b += "; Max-Age=0";
    if (this.httpOnly) b += "; HttpOnly";
    if (this.secure) b += "; Secure";
    if (this.sameSite === SameSiteNoneMode) b += "; SameSite=None";
    else if (this.sameSite === SameSiteLaxMode) b += "; SameSite=Lax";
    else if (this.sameSite === SameSiteStrictMode) b += "; SameSite=Strict";
    if (this.partitioned) b += "; Partitioned";
    return b;
  }

  toString(): string {
    return this.string();
  }

  /** valid reports whether the cookie is valid: null, or an Error naming the first invalid field (Go's Cookie.Valid). */
  valid(): Error | null {
    if (!isCookieNameValid(this.name)) return new Error("http: invalid Cookie.Name");
    if (this.expires && !validCookieExpires(this.expires)) return new Error("http: invalid Cookie.Expires");
    for (const ch of this.value) {
      if (!validCookieValueByte(ch.charCodeAt(0)))
        return new Error(`http: invalid byte ${quoteByte(ch)} in Cookie.Value`);
    }
    for (const ch of this.path) {
      if (!validCookiePathByte(ch.charCodeAt(0)))
        return new Error(`http: invalid byte ${quoteByte(ch)} in Cookie.Path`);
    }
    if (this.domain.length > 0 && !validCookieDomain(this.domain)) return new Error("http: invalid Cookie.Domain");
    return null;
  }
}

function quoteByte(ch: string): string {
  return ch === "'" ? "'\\''" : `'${ch}'`;
}

/**
 * setCookie adds a Set-Cookie header to w's headers (Go's http.SetCookie).
 * A cookie with an invalid name is silently dropped.
 */
export function setCookie(w: ResponseWriter, cookie: Cookie): void {
  const v = cookie.string();
  if (v !== "") w.header().add("Set-Cookie", v);
}

const tokenRe = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/** @internal */
export function isCookieNameValid(raw: string): boolean {
  return tokenRe.test(raw);
}

function validCookieValueByte(b: number): boolean {
  return b >= 0x20 && b < 0x7f && b !== 0x22 && b !== 0x3b && b !== 0x5c;
}

function validCookiePathByte(b: number): boolean {
  return b >= 0x20 && b < 0x7f && b !== 0x3b;
}

function validCookieExpires(t: Date): boolean {
  // RFC 6265 section 5.1.1.5: the year must not be less than 1601.
  return t.getUTCFullYear() >= 1601;
}

function sanitizeOrWarn(field: string, valid: (b: number) => boolean, v: string): string {
  let out = "";
  let warned = false;
  for (const ch of v) {
    // Multi-byte characters are never valid; Go drops each of their bytes.
    if (ch.length === 1 && valid(ch.charCodeAt(0))) {
      out += ch;
    } else if (!warned) {
      warned = true;
      console.warn(`net/http: invalid byte in ${field}; dropping invalid bytes`);
    }
  }
  return out;
}

/** @internal sanitizeCookieValue drops invalid bytes and quotes values with spaces or commas (Go). */
export function sanitizeCookieValue(v: string, quoted = false): string {
  v = sanitizeOrWarn("Cookie.Value", validCookieValueByte, v);
  if (v.length === 0) return v;
  if (v.includes(" ") || v.includes(",") || quoted) return `"${v}"`;
  return v;
}

/** @internal */
export function sanitizeCookiePath(v: string): string {
  return sanitizeOrWarn("Cookie.Path", validCookiePathByte, v);
}

function isCookieDomainName(s: string): boolean {
  if (s.length === 0 || s.length > 255) return false;
  if (s[0] === ".") s = s.slice(1);
  let last = ".";
  let ok = false;
  let partlen = 0;
  for (const c of s) {
    if (/[a-zA-Z]/.test(c)) {
      ok = true;
      partlen++;
    } else if (/[0-9]/.test(c)) {
      partlen++;
    } else if (c === "-") {
      if (last === ".") return false;
      partlen++;
    } else if (c === ".") {
      if (last === "." || last === "-") return false;
      if (partlen > 63 || partlen === 0) return false;
      partlen = 0;
    } else {
      return false;
    }
    last = c;
  }
  if (last === "-" || partlen > 63) return false;
  return ok;
}

function validCookieDomain(v: string): boolean {
  if (isCookieDomainName(v)) return true;
  // An IPv4 address (Go: net.ParseIP without ":").
  return /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/.test(v);
}

function parseCookieValue(raw: string, allowDoubleQuote: boolean): [value: string, quoted: boolean, ok: boolean] {
  let quoted = false;
  if (allowDoubleQuote && raw.length > 1 && raw[0] === '"' && raw[raw.length - 1] === '"') {
    raw = raw.slice(1, -1);
    quoted = true;
  }
  for (let i = 0; i < raw.length; i++) {
    if (!validCookieValueByte(raw.charCodeAt(i))) return ["", false, false];
  }
  return [raw, quoted, true];
}

// textproto.TrimString: ASCII space and tab only... and CR/LF.
const trim = (s: string) => s.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, "");

const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

// parseExpires accepts RFC 1123 ("Mon, 02 Jan 2006 15:04:05 GMT") and the
// dashed Netscape form ("Mon, 02-Jan-2006 15:04:05 GMT"), as Go does.
function parseExpires(v: string): Date | null {
  const m = /^[A-Z][a-z]{2}, (\d{2})[ -]([A-Z][a-z]{2})[ -](\d{4}) (\d{2}):(\d{2}):(\d{2}) [A-Z]{3}$/.exec(v);
  if (!m) return null;
  const mon = months.indexOf(m[2]!);
  if (mon < 0) return null;
  return new Date(Date.UTC(Number(m[3]), mon, Number(m[1]), Number(m[4]), Number(m[5]), Number(m[6])));
}

/**
 * parseSetCookie parses a Set-Cookie header value (Go's http.ParseSetCookie):
 * [cookie, null], or [null, err] on a syntax error.
 */
export function parseSetCookie(line: string): [Cookie, null] | [null, Error] {
  const parts = trim(line).split(";");
  if (parts.length === 1 && parts[0] === "") return [null, new Error("http: blank cookie")];
  const first = trim(parts[0]!);
  const eq = first.indexOf("=");
  if (eq < 0) return [null, new Error("http: '=' not found in cookie")];
  const name = trim(first.slice(0, eq));
  if (!isCookieNameValid(name)) return [null, new Error("http: invalid cookie name")];
  const [value, quoted, ok] = parseCookieValue(first.slice(eq + 1), true);
  if (!ok) return [null, new Error("http: invalid cookie value")];
  const c = new Cookie({ name, value, quoted, raw: line });
  for (let i = 1; i < parts.length; i++) {
    const part = trim(parts[i]!);
    if (part === "") continue;
    const j = part.indexOf("=");
    const attr = j < 0 ? part : part.slice(0, j);
    if ([...attr].some((c) => c > "\x7f")) continue;
    const [val, , vok] = parseCookieValue(j < 0 ? "" : part.slice(j + 1), false);
    if (!vok) {
      c.unparsed.push(part);
      continue;
    }
    switch (attr.toLowerCase()) {
      case "samesite": {
        const lv = val.toLowerCase();
        c.sameSite =
          lv === "lax"
            ? SameSiteLaxMode
            : lv === "strict"
              ? SameSiteStrictMode
              : lv === "none"
                ? SameSiteNoneMode
                : SameSiteDefaultMode;
        continue;
      }
      case "secure":
        c.secure = true;
        continue;
      case "httponly":
        c.httpOnly = true;
        continue;
      case "domain":
        c.domain = val;
        continue;
      case "max-age": {
        if (!/^[+-]?\d+$/.test(val) || (val !== "0" && val[0] === "0")) break;
        const secs = Number(val);
        c.maxAge = secs <= 0 ? -1 : secs;
        continue;
      }
      case "expires":
        c.rawExpires = val;
        c.expires = parseExpires(val);
        if (!c.expires) break;
        continue;
      case "path":
        c.path = val;
        continue;
      case "partitioned":
        c.partitioned = true;
        continue;
    }
    c.unparsed.push(part);
  }
  return [c, null];
}

/** @internal readSetCookies parses every Set-Cookie value of h, skipping malformed ones. */
export function readSetCookies(h: Header): Cookie[] {
  const out: Cookie[] = [];
  for (const line of h.values("Set-Cookie")) {
    const [c] = parseSetCookie(line);
    if (c) out.push(c);
  }
  return out;
}

/** @internal readCookies parses every Cookie header of h (only those named filter, if not ""), skipping malformed pairs. */
export function readCookies(h: Header, filter: string): Cookie[] {
  const out: Cookie[] = [];
  for (const raw of h.values("Cookie")) {
    for (const p of trim(raw).split(";")) {
      const part = trim(p);
      if (part === "") continue;
      const eq = part.indexOf("=");
      const name = trim(eq < 0 ? part : part.slice(0, eq));
      if (!isCookieNameValid(name) || (filter !== "" && filter !== name)) continue;
      const [value, quoted, ok] = parseCookieValue(eq < 0 ? "" : part.slice(eq + 1), true);
      if (ok) out.push(new Cookie({ name, value, quoted }));
    }
  }
  return out;
}
