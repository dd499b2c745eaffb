// ServeMux: Go 1.22 request routing.

import type { Handler, HandlerFunc } from "./handler";
import { cleanPath, escapePath, stripHostPort } from "./path";
import type { Pattern, PathSegments } from "./pattern";
import {
  compare,
  conflictsWith,
  describeConflict,
  exactMatch,
  matchPath,
  methodMatches,
  parsePattern,
  splitPath,
} from "./pattern";
import type { Request } from "./request";
import type { ResponseWriter } from "./response";
import { error, notFoundHandler, redirectHandler } from "./response";
import { StatusMethodNotAllowed, StatusMovedPermanently, statusText } from "./status";

interface Entry {
  pat: Pattern;
  handler: Handler;
}

interface Found {
  e: Entry;
  matches: string[];
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
  private readonly byHost = new Map<string, Entry[]>();
  private readonly all: Entry[] = [];

  /**
   * handle registers the handler for the given pattern. It panics (throws) if
   * the pattern is invalid or conflicts with one already registered.
   */
  handle(pattern: string, handler: Handler): void {
    if (handler == null) throw new Error("http: nil handler");
    let pat: Pattern;
    try {
      pat = parsePattern(pattern);
    } catch (e) {
      throw new Error(`parsing ${JSON.stringify(pattern)}: ${(e as Error).message}`);
    }
    for (const other of this.all) {
      if (conflictsWith(pat, other.pat)) {
        throw new Error(
          `pattern ${JSON.stringify(pat.str)} conflicts with pattern ${JSON.stringify(other.pat.str)}:\n` +
            describeConflict(pat, other.pat),
        );
      }
    }
    const entry: Entry = { pat, handler };
    this.all.push(entry);
    let list = this.byHost.get(pat.host);
    if (!list) this.byHost.set(pat.host, (list = []));
    // Keep each host's list a linear extension of "more specific": insert
    // after the last pattern more specific than this one. The first match in
    // list order is then the most specific match.
    let at = 0;
    for (let i = 0; i < list.length; i++) {
      if (compare(list[i]!.pat, pat) === "moreSpecific") at = i + 1;
    }
    list.splice(at, 0, entry);
  }

  /** handleFunc registers the handler function for the given pattern (see handle). */
  handleFunc(pattern: string, fn: HandlerFunc): void {
    if (fn == null) throw new Error("http: nil handler");
    this.handle(pattern, { serveHTTP: fn });
  }

  private matchIn(list: Entry[] | undefined, method: string, ps: PathSegments): Found | null {
    if (!list) return null;
    for (const e of list) {
      if (!methodMatches(e.pat.method, method)) continue;
      const m = matchPath(e.pat, ps);
      if (m) return { e, matches: m };
    }
    return null;
  }

  private match(host: string, method: string, path: string): Found | null {
    const ps = splitPath(path);
    if (host !== "") {
      const f = this.matchIn(this.byHost.get(host), method, ps);
      if (f) return f;
    }
    return this.matchIn(this.byHost.get(""), method, ps);
  }

  private matchingMethods(host: string, path: string): string[] {
    const set = new Set<string>();
    const collect = (p: string) => {
      const ps = splitPath(p);
      for (const h of host !== "" ? [host, ""] : [""]) {
        for (const e of this.byHost.get(h) ?? []) {
          if (e.pat.method !== "" && matchPath(e.pat, ps)) set.add(e.pat.method);
        }
      }
    };
    collect(path);
    if (!path.endsWith("/")) collect(path + "/");
    if (set.has("GET")) set.add("HEAD");
    return [...set].sort();
  }

  private find(r: Request): { h: Handler; pattern: string; found: Found | null } {
    const host = stripHostPort(r.host);
    const escaped = r.url.escapedPath();
    const path = cleanPath(escaped);
    let found = this.match(host, r.method, path);
    if (!(found && exactMatch(found.e.pat, path)) && !path.endsWith("/")) {
      const f2 = this.match(host, r.method, path + "/");
      if (f2 && exactMatch(f2.e.pat, path + "/")) {
        const target = cleanPath(r.url.path) + "/";
        const u = escapePath(target) + (r.url.rawQuery !== "" ? "?" + r.url.rawQuery : "");
        return { h: redirectHandler(u, StatusMovedPermanently), pattern: target, found: null };
      }
    }
    if (path !== escaped) {
      const u = path + (r.url.rawQuery !== "" ? "?" + r.url.rawQuery : "");
      return { h: redirectHandler(u, StatusMovedPermanently), pattern: found ? found.e.pat.str : "", found: null };
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
