import type { Request, Response, Route } from "./types";

/** Returns the {name} values, percent-decoded, when `path` matches `pattern`; else undefined. */
function match(pattern: string, path: string): Record<string, string> | undefined {
  const want = pattern.split("/");
  const got = path.split("/");
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const segment = want[i]!;
    const value = got[i]!;
    if (segment.startsWith("{") && segment.endsWith("}")) {
      if (value === "") return undefined;
      params[segment.slice(1, -1)] = decodeURIComponent(value);
    } else if (segment !== value) {
      return undefined;
    }
  }
  return params;
}

/** serves reports whether a route for `routeMethod` answers `method`: as in Go, GET also serves HEAD. */
function serves(routeMethod: string, method: string): boolean {
  return routeMethod === method || (routeMethod === "GET" && method === "HEAD");
}

/**
 * route finds the route matching the request's method and path and returns
 * its handler's response; 404 when no pattern matches the path, 405 with an
 * Allow header when only the method is wrong.
 */
export function route(routes: Route[], request: Request): Response {
  const allowed = new Set<string>();
  for (const r of routes) {
    const params = match(r.pattern, request.path);
    if (!params) continue;
    if (serves(r.method, request.method)) return r.handler(request, params);
    allowed.add(r.method);
    if (r.method === "GET") allowed.add("HEAD");
  }
  if (allowed.size > 0) {
    return { status: 405, headers: { Allow: [...allowed].sort().join(", ") }, body: "Method Not Allowed" };
  }
  return { status: 404, headers: {}, body: "404 page not found" };
}
