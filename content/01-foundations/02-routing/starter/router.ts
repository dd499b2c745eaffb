import type { Request, Response, Route } from "./types";

/**
 * route finds the route matching the request's method and path and returns
 * its handler's response; 404 when no pattern matches the path, 405 with an
 * Allow header when only the method is wrong.
 */
export function route(routes: Route[], request: Request): Response {
  for (const r of routes) {
    // TODO: match {name} segments, and tell 404 from 405.
    if (r.method === request.method && r.pattern === request.path) {
      return r.handler(request, {});
    }
  }
  return { status: 404, headers: {}, body: "404 page not found" };
}
