import type { Request, Response, Route } from "./types";

/** Escapes the characters a RegExp treats specially. */
const escape = (s: string) => s.replace(/[.*+?^$()|[\]\\]/g, "\\$&");

/** The RegExp for a pattern: literal segments as they are, {name} as one non-empty segment. */
function compile(pattern: string): RegExp {
  const source = pattern
    .split("/")
    .map((segment) => (/^\{\w+\}$/.test(segment) ? `(?<${segment.slice(1, -1)}>[^/]+)` : escape(segment)))
    .join("/");
  return new RegExp(`^${source}$`);
}

/**
 * route finds the route matching the request's method and path and returns
 * its handler's response; 404 when no pattern matches the path, 405 with an
 * Allow header when only the method is wrong.
 */
export function route(routes: Route[], request: Request): Response {
  const allowed = new Set<string>();
  for (const r of routes) {
    const m = compile(r.pattern).exec(request.path);
    if (!m) continue;
    const methods = r.method === "GET" ? ["GET", "HEAD"] : [r.method];
    if (methods.includes(request.method)) {
      const params: Record<string, string> = {};
      for (const [name, value] of Object.entries(m.groups ?? {})) params[name] = decodeURIComponent(value);
      return r.handler(request, params);
    }
    for (const method of methods) allowed.add(method);
  }
  if (allowed.size === 0) return { status: 404, headers: {}, body: "404 page not found" };
  return { status: 405, headers: { Allow: [...allowed].sort().join(", ") }, body: "Method Not Allowed" };
}
