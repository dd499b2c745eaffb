// Request mirrors Go's *http.Request for handlers.

import type { Context } from "../../context";
import { background } from "../../context";
import { decodeStd, encodeStd } from "./base64url";
import { Body, fromBytes, toBytes } from "./body";
import { Cookie, ErrNoCookie, readCookies, sanitizeCookieValue } from "./cookie";
import { parsePostForm } from "./form";
import { Header } from "./header";
import type { Pattern } from "./pattern";
import { wildcardNames } from "./pattern";
import { parseQuery, parseURL, URL, Values } from "./url";

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
  /**
   * The parsed form: body values (urlencoded POST, PUT, PATCH) first, then
   * the URL query. null until parseForm runs (formValue runs it).
   */
  form: Values | null = null;
  /** The parsed urlencoded body values of a POST, PUT or PATCH; null until parseForm runs. */
  postForm: Values | null = null;
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
   * basicAuth returns the username and password from an "Authorization:
   * Basic ..." header, decoded as Go does: the scheme is case-insensitive,
   * the credentials must be padded standard base64 and contain ":"; they
   * are read as UTF-8. ok is false if there is none or it is malformed.
   */
  basicAuth(): [username: string, password: string, ok: boolean] {
    const auth = this.header.get("Authorization");
    if (auth.length < 6 || auth.slice(0, 6).toLowerCase() !== "basic ") return ["", "", false];
    const c = decodeStd(auth.slice(6));
    if (!c) return ["", "", false];
    const cs = fromBytes(c);
    const i = cs.indexOf(":");
    if (i < 0) return ["", "", false];
    return [cs.slice(0, i), cs.slice(i + 1), true];
  }

  /** setBasicAuth sets the Authorization header to Basic base64(username:password) (Go's SetBasicAuth). */
  setBasicAuth(username: string, password: string): void {
    this.header.set("Authorization", "Basic " + encodeStd(toBytes(username + ":" + password)));
  }

  /**
   * cookie returns the named cookie from the Cookie header, or ErrNoCookie
   * (Go's r.Cookie): `const [c, err] = r.cookie("session")`. If several
   * cookies have the name, the first is returned.
   */
  cookie(name: string): [Cookie, null] | [null, Error] {
    if (name === "") return [null, ErrNoCookie];
    const cs = readCookies(this.header, name);
    return cs.length > 0 ? [cs[0]!, null] : [null, ErrNoCookie];
  }

  /** cookies parses and returns the cookies sent with the request (malformed ones are skipped). */
  cookies(): Cookie[] {
    return readCookies(this.header, "");
  }

  /** cookiesNamed returns the cookies with the given name (Go's CookiesNamed). */
  cookiesNamed(name: string): Cookie[] {
    return name === "" ? [] : readCookies(this.header, name);
  }

  /**
   * addCookie adds a cookie to the request's Cookie header (Go's AddCookie);
   * only name and value are sent.
   */
  addCookie(c: Cookie): void {
    const s = c.name.replace(/[\r\n]/g, "-") + "=" + sanitizeCookieValue(c.value, c.quoted);
    const old = this.header.get("Cookie");
    this.header.set("Cookie", old !== "" ? old + "; " + s : s);
  }

  /**
   * parseForm fills form and postForm (Go's ParseForm): for POST, PUT and
   * PATCH it reads an application/x-www-form-urlencoded body (at most 10 MB
   * unless maxBytesReader set a limit); form also gets the URL query, after
   * the body values. It returns the first error met (malformed pairs are
   * dropped, see parseQuery); both maps are set even then. Calling it again
   * does nothing. Multipart bodies are not parsed.
   */
  parseForm(): Error | null {
    let err: Error | null = null;
    if (this.postForm === null) {
      if (this.method === "POST" || this.method === "PUT" || this.method === "PATCH") {
        [this.postForm, err] = parsePostForm(this.header, this.body);
      }
      this.postForm ??= new Values();
    }
    if (this.form === null) {
      const form = new Values();
      for (const k of this.postForm.keys()) for (const v of this.postForm.values(k)) form.add(k, v);
      const [q, e] = parseQuery(this.url.rawQuery);
      err ??= e;
      for (const k of q.keys()) for (const v of q.values(k)) form.add(k, v);
      this.form = form;
    }
    return err;
  }

  /**
   * formValue returns the first value for key in the body and query values
   * (body first), running parseForm if needed and ignoring its errors; ""
   * if there is none (Go's FormValue).
   */
  formValue(key: string): string {
    if (this.form === null) this.parseForm();
    return this.form!.get(key);
  }

  /** postFormValue is formValue for the body values only (Go's PostFormValue). */
  postFormValue(key: string): string {
    if (this.postForm === null) this.parseForm();
    return this.postForm!.get(key);
  }

  /** userAgent returns the User-Agent header. */
  userAgent(): string {
    return this.header.get("User-Agent");
  }
}
