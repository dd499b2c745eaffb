import type { Request, Response, Route } from "./types";

/** Returns the {name} values when `path` matches `pattern`, else undefined. */
function match(pattern: string, path: string): Record<string, string> | undefined {
  const re = new RegExp(pattern.replace(/\{(\w+)\}/g, "(?<$1>[^/]+)"));
  const m = re.exec(path);
  if (!m) return undefined;
  const params: Record<string, string> = {};
  for (const [name, value] of Object.entries(m.groups ?? {})) params[name] = decodeURIComponent(value);
  return params;
}

/** route finds the route for the request; 404 or 405 when there is none. */
export function route(routes: Route[], request: Request): Response {
  const allowed = new Set<string>();
  for (const r of routes) {
    const params = match(r.pattern, request.path);
    if (!params) continue;
    if (r.method === request.method || (r.method === "GET" && request.method === "HEAD")) {
      return r.handler(request, params);
    }
    allowed.add(r.method);
    if (r.method === "GET") allowed.add("HEAD");
  }
  if (allowed.size > 0) {
    return { status: 405, headers: { Allow: [...allowed].sort().join(", ") }, body: "Method Not Allowed" };
  }
  return { status: 404, headers: {}, body: "404 page not found" };
}
