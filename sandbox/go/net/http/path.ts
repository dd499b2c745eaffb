// Path helpers shared by the mux, redirect and the request URL (Go's path.Clean,
// net/http cleanPath, url.PathUnescape, stripHostPort).

/**
 * clean returns the shortest path name equivalent to p by purely lexical
 * processing, as Go's path.Clean: repeated slashes collapse, "." elements go,
 * ".." removes the element before it, ".." at the root is dropped. The result
 * ends in a slash only if it is the root "/". An empty result is ".".
 */
export function clean(p: string): string {
  if (p === "") return ".";
  const rooted = p[0] === "/";
  const out: string[] = [];
  for (const part of p.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") {
      if (out.length > 0 && out[out.length - 1] !== "..") out.pop();
      else if (!rooted) out.push("..");
      continue;
    }
    out.push(part);
  }
  const s = (rooted ? "/" : "") + out.join("/");
  return s === "" ? "." : s;
}

/**
 * cleanPath returns the canonical path for p as net/http's ServeMux does: it
 * adds a leading slash, applies clean, and keeps a trailing slash.
 */
export function cleanPath(p: string): string {
  if (p === "") return "/";
  if (p[0] === "/" && !/\/\.{0,2}(\/|$)/.test(p.slice(0, -1)) && !/\/\.{1,2}$/.test(p)) return p;
  if (p[0] !== "/") p = "/" + p;
  let np = clean(p);
  if (p[p.length - 1] === "/" && np !== "/") np += "/";
  return np;
}

/** pathUnescape decodes %XX escapes in one path segment; invalid escapes leave s unchanged (as Go's mux). */
export function pathUnescape(s: string): string {
  if (s.indexOf("%") < 0) return s;
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** escapePath percent-encodes what may not appear raw in a URL path (keeps "/" and sub-delims). */
export function escapePath(p: string): string {
  return encodeURI(p).replace(/[?#]/g, (c) => (c === "?" ? "%3F" : "%23"));
}

/** stripHostPort returns h without any trailing ":<port>" (IPv6 brackets kept off, as in Go). */
export function stripHostPort(h: string): string {
  if (h.indexOf(":") < 0) return h;
  if (h[0] === "[") {
    const end = h.indexOf("]");
    return end > 0 ? h.slice(1, end) : h;
  }
  const i = h.lastIndexOf(":");
  return /^\d*$/.test(h.slice(i + 1)) ? h.slice(0, i) : h;
}
