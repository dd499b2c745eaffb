import type { Request, Response, Route } from "./types";

/** Matches segment lists from the front; returns the {name} values or undefined. */
function matchSegments(want: string[], got: string[]): Record<string, string> | undefined {
  if (want.length === 0 || got.length === 0) return want.length === got.length ? {} : undefined;
  const [w, ...wantRest] = want as [string, ...string[]];
  const [g, ...gotRest] = got as [string, ...string[]];
  const isParam = w.startsWith("{") && w.endsWith("}");
  if (isParam ? g === "" : w !== g) return undefined;
  const rest = matchSegments(wantRest, gotRest);
  if (!rest) return undefined;
  return isParam ? { [w.slice(1, -1)]: decodeURIComponent(g), ...rest } : rest;
}

/**
 * route finds the route matching the request's method and path and returns
 * its handler's response; 404 when no pattern matches the path, 405 with an
 * Allow header when only the method is wrong.
 */
export function route(routes: Route[], request: Request): Response {
  const allowed: string[] = [];
  const allow = (method: string) => {
    if (!allowed.includes(method)) allowed.push(method);
  };
  for (const r of routes) {
    const params = matchSegments(r.pattern.split("/"), request.path.split("/"));
    if (params === undefined) continue;
    if (r.method === request.method) return r.handler(request, params);
    if (r.method === "GET" && request.method === "HEAD") return r.handler(request, params);
    allow(r.method);
    if (r.method === "GET") allow("HEAD");
  }
  if (allowed.length === 0) return { status: 404, headers: {}, body: "404 page not found" };
  allowed.sort();
  return { status: 405, headers: { Allow: allowed.join(", ") }, body: "Method Not Allowed" };
}
