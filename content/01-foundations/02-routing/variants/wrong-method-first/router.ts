import type { Request, Response, Route } from "./types";

/** Returns the {name} values when `path` matches `pattern`, else undefined. */
function match(pattern: string, path: string): Record<string, string> | undefined {
  const want = pattern.split("/");
  const got = path.split("/");
  if (want.length !== got.length) return undefined;
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

/** route checks the method first, then the path. */
export function route(routes: Route[], request: Request): Response {
  const method = request.method === "HEAD" ? "GET" : request.method;
  const candidates = routes.filter((r) => r.method === method);
  if (candidates.length === 0) {
    const methods = new Set(routes.map((r) => r.method));
    if (methods.has("GET")) methods.add("HEAD");
    return { status: 405, headers: { Allow: [...methods].sort().join(", ") }, body: "Method Not Allowed" };
  }
  for (const r of candidates) {
    const params = match(r.pattern, request.path);
    if (params) return r.handler(request, params);
  }
  return { status: 404, headers: {}, body: "404 page not found" };
}
