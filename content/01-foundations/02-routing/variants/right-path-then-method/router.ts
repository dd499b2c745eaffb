import type { Request, Response, Route } from "./types";

/** Returns the {name} values when `path` matches `pattern`, else null. */
function match(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split("/");
  const got = path.split("/");
  if (want.length !== got.length) return null;
  const pairs = want.map((segment, i) => [segment, got[i]!] as const);
  if (pairs.some(([segment, value]) => (segment.startsWith("{") ? value === "" : segment !== value))) return null;
  return Object.fromEntries(
    pairs.filter(([segment]) => segment.startsWith("{")).map(([s, v]) => [s.slice(1, -1), decodeURIComponent(v)]),
  );
}

/**
 * route finds the route matching the request's method and path and returns
 * its handler's response; 404 when no pattern matches the path, 405 with an
 * Allow header when only the method is wrong.
 */
export function route(routes: Route[], request: Request): Response {
  const matches = routes.flatMap((r) => {
    const params = match(r.pattern, request.path);
    return params ? [{ r, params }] : [];
  });
  if (matches.length === 0) return { status: 404, headers: {}, body: "404 page not found" };
  const hit = matches.find(({ r }) => {
    switch (request.method) {
      case "HEAD":
        return r.method === "HEAD" || r.method === "GET";
      default:
        return r.method === request.method;
    }
  });
  if (hit) return hit.r.handler(request, hit.params);
  const methods = matches.flatMap(({ r }) => (r.method === "GET" ? ["GET", "HEAD"] : [r.method]));
  const allow = [...new Set(methods)].sort().join(", ");
  return { status: 405, headers: { Allow: allow }, body: "Method Not Allowed" };
}
