// ServeMux: Go 1.22 request routing.

import { GoPanic } from "../../internal/panic";
import type { Handler, HandlerFunc } from "./handler";
import { handlerFunc } from "./handler";
import type { Pattern, PathSegments } from "./pattern";
import { conflictsWith, describeConflict, exactMatch, parsePattern, splitPath } from "./pattern";
import { cleanPath, pathUnescape, stripHostPort } from "./path";
import type { Request } from "./request";
import type { ResponseWriter } from "./response";
import { error, notFoundHandler, redirectHandler } from "./response";
import type { URL } from "./url";
import { escapePathString } from "./url";
import { StatusMethodNotAllowed, StatusMovedPermanently, statusText } from "./status";

interface Entry {
  pat: Pattern;
  handler: Handler;
}

interface Found {
  e: Entry;
  matches: string[];
}

interface Redirect {
  redirect: string;
  pattern: string;
}

/**
 * A node of the routing tree (as in Go's routing_tree.go): host, then
 * method, then one level per path segment. Children are tried literal first,
 * then single wildcard, then multi wildcard; with conflicting patterns
 * rejected at registration this finds the most specific match.
 */
class RoutingNode {
  entry: Entry | null = null;
  children: Map<string, RoutingNode> | null = null;
  emptyChild: RoutingNode | null = null;
  multiChild: RoutingNode | null = null;

  child(key: string): RoutingNode {
    this.children ??= new Map();
    let c = this.children.get(key);
    if (!c) this.children.set(key, (c = new RoutingNode()));
    return c;
  }

  find(key: string): RoutingNode | null {
    return this.children?.get(key) ?? null;
  }

  addSegments(segs: Pattern["segments"], i: number, e: Entry): void {
    if (i >= segs.length) {
      this.entry = e;
      return;
    }
    const s = segs[i]!;
    if (s.multi) {
      (this.multiChild ??= new RoutingNode()).entry = e;
    } else if (s.wild) {
      (this.emptyChild ??= new RoutingNode()).addSegments(segs, i + 1, e);
    } else {
      this.child(s.s).addSegments(segs, i + 1, e);
    }
  }

  matchPath(ps: PathSegments, i: number, matches: string[]): Found | null {
    if (i >= ps.segs.length) return this.entry ? { e: this.entry, matches } : null;
    const seg = ps.segs[i]!;
    const lit = this.children?.get(seg);
    if (lit) {
      const f = lit.matchPath(ps, i + 1, matches);
      if (f) return f;
    }
    if (this.emptyChild && seg !== "/") {
      const f = this.emptyChild.matchPath(ps, i + 1, [...matches, seg]);
      if (f) return f;
    }
    if (this.multiChild) {
      const e = this.multiChild.entry!;
      const named = e.pat.segments[e.pat.segments.length - 1]!.s !== "";
      return { e, matches: named ? [...matches, pathUnescape(ps.path.slice(ps.offs[i]! + 1))] : matches };
    }
    return null;
  }
}

/**
 * ServeMux is an HTTP request multiplexer (Go 1.22's http.ServeMux). It
 * matches each request against the registered patterns and calls the
 * handler of the one that matches most closely.
 *
 * Patterns look like `[METHOD ][HOST]/[PATH]`:
 * - "/index.html" matches that path for any host and method;
 * - "GET /static/" matches GET and HEAD requests whose path starts with /static/;
 * - "example.com/" matches any request to host example.com;
 * - "GET /b/{bucket}/o/{objectname...}": {name} matches one path segment,
 *   {name...} the rest of the path (last segment only); read them with r.pathValue(name);
 * - "/{$}" matches only "/" (a trailing slash otherwise means "this subtree").
 *
 * Precedence: if two patterns match a request, the more specific one wins (the
 * one that matches a strict subset of requests); a pattern with a host beats
 * one without. Registering two patterns that overlap with neither more
 * specific (or the same pattern twice) panics, naming both.
 *
 * Requests are matched on the cleaned path; a non-clean path ("//a", "/a/../b")
 * gets a 301 redirect to the clean one, and "/dir" gets a 301 to "/dir/" when
 * only the subtree "/dir/" is registered. GET patterns also serve HEAD. A path
 * served only for other methods gets 405 with an Allow header; no match gets
 * 404 "404 page not found".
 */
export class ServeMux implements Handler {
  private readonly tree = new RoutingNode();
  private readonly all: Entry[] = [];

  /**
   * handle registers the handler for the given pattern. It panics (throws) if
   * the pattern is invalid or conflicts with one already registered.
   */
  handle(pattern: string, handler: Handler): void {
    if (handler == null) throw new GoPanic("http: nil handler");
    let pat: Pattern;
    try {
      pat = parsePattern(pattern);
    } catch (e) {
      throw new GoPanic(`parsing ${JSON.stringify(pattern)}: ${(e as Error).message}`);
    }
    for (const other of this.all) {
      if (conflictsWith(pat, other.pat)) {
        throw new GoPanic(
          `pattern ${JSON.stringify(pat.str)} conflicts with pattern ${JSON.stringify(other.pat.str)}:\n` +
            describeConflict(pat, other.pat),
        );
      }
    }
    const entry: Entry = { pat, handler };
    this.all.push(entry);
    this.tree.child(pat.host).child(pat.method).addSegments(pat.segments, 0, entry);
  }

  /** handleFunc registers the handler function for the given pattern (see handle). */
  handleFunc(pattern: string, fn: HandlerFunc): void {
    if (fn == null) throw new GoPanic("http: nil handler");
    this.handle(pattern, handlerFunc(fn));
  }

  private matchMethodAndPath(n: RoutingNode | null, method: string, ps: PathSegments): Found | null {
    if (!n) return null;
    const exact = n.find(method)?.matchPath(ps, 0, []);
    if (exact) return exact;
    if (method === "HEAD") {
      const get = n.find("GET")?.matchPath(ps, 0, []);
      if (get) return get;
    }
    return n.find("")?.matchPath(ps, 0, []) ?? null;
  }

  private match(host: string, method: string, path: string): Found | null {
    const ps = splitPath(path);
    if (host !== "") {
      const f = this.matchMethodAndPath(this.tree.find(host), method, ps);
      if (f) return f;
    }
    return this.matchMethodAndPath(this.tree.find(""), method, ps);
  }

  private matchingMethods(host: string, path: string): string[] {
    const set = new Set<string>();
    const collect = (p: string) => {
      const ps = splitPath(p);
      for (const h of host !== "" ? [host, ""] : [""]) {
        const hn = this.tree.find(h);
        for (const [method, mn] of hn?.children ?? []) {
          if (method !== "" && mn.matchPath(ps, 0, [])) set.add(method);
        }
      }
    };
    collect(path);
    if (!path.endsWith("/")) collect(path + "/");
    if (set.has("GET")) set.add("HEAD");
    return [...set].sort();
  }

  // matchOrRedirect is Go's: a match, or (with u) the "/dir" -> "/dir/"
  // redirect when only the subtree is registered.
  private matchOrRedirect(host: string, method: string, path: string, u: URL | null): Found | Redirect | null {
    const found = this.match(host, method, path);
    if (!(found && exactMatch(found.e.pat, path)) && u && !path.endsWith("/")) {
      const f2 = this.match(host, method, path + "/");
      if (f2 && exactMatch(f2.e.pat, path + "/")) {
        const target = cleanPath(u.path) + "/";
        return {
          redirect: escapePathString(target) + (u.rawQuery !== "" ? "?" + u.rawQuery : ""),
          pattern: f2.e.pat.str,
        };
      }
    }
    return found;
  }

  private find(r: Request): { h: Handler; pattern: string; found: Found | null } {
    const escaped = r.url.escapedPath();
    let host: string;
    let path = escaped;
    let found: Found | null;
    const redirectTo = (res: Redirect) => ({
      h: redirectHandler(res.redirect, StatusMovedPermanently),
      pattern: res.pattern,
      found: null,
    });
    if (r.method === "CONNECT") {
      // CONNECT paths are not cleaned, but "/dir" -> "/dir/" still applies (Go).
      host = r.url.host;
      const res = this.matchOrRedirect(host, r.method, path, r.url);
      if (res && "redirect" in res) return redirectTo(res);
      found = this.match(r.host, r.method, path);
    } else {
      host = stripHostPort(r.host);
      path = cleanPath(escaped);
      const res = this.matchOrRedirect(host, r.method, path, r.url);
      if (res && "redirect" in res) return redirectTo(res);
      found = res;
      if (path !== escaped) {
        const u = path + (r.url.rawQuery !== "" ? "?" + r.url.rawQuery : "");
        return { h: redirectHandler(u, StatusMovedPermanently), pattern: found ? found.e.pat.str : "", found: null };
      }
    }
    if (!found) {
      const allowed = this.matchingMethods(host, path);
      if (allowed.length > 0) {
        const allow = allowed.join(", ");
        return {
          h: {
            serveHTTP(w: ResponseWriter) {
              w.header().set("Allow", allow);
              error(w, statusText(StatusMethodNotAllowed), StatusMethodNotAllowed);
            },
          },
          pattern: "",
          found: null,
        };
      }
      return { h: notFoundHandler(), pattern: "", found: null };
    }
    return { h: found.e.handler, pattern: found.e.pat.str, found };
  }

  /**
   * handler returns the handler to use for r and the pattern that matched
   * (Go's mux.Handler). It always returns a non-nil handler: for a path to
   * redirect it returns a redirect handler, for no match a 404 (or 405)
   * handler with pattern "".
   */
  handler(r: Request): [h: Handler, pattern: string] {
    const f = this.find(r);
    return [f.h, f.pattern];
  }

  /**
   * serveHTTP dispatches the request to the handler whose pattern most closely
   * matches it, after setting r.pattern and the values read by r.pathValue.
   */
  serveHTTP(w: ResponseWriter, r: Request): void | Promise<void> {
    const f = this.find(r);
    r.pattern = f.found ? f.pattern : "";
    r.pat = f.found ? f.found.e.pat : null;
    r.matches = f.found ? f.found.matches : [];
    return f.h.serveHTTP(w, r);
  }

  /** patterns lists the registered patterns in registration order (handy for debugging). */
  patterns(): string[] {
    return this.all.map((e) => e.pat.str);
  }
}

/** newServeMux allocates and returns a new, empty ServeMux. */
export function newServeMux(): ServeMux {
  return new ServeMux();
}
