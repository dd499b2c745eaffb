// "Copy as curl": turns an explorer request into a POSIX-shell curl command.

import type { ExplorerRequest } from "../../../sandbox/protocol";

export const DEFAULT_ORIGIN = "http://localhost:8080";

/** Single-quotes a string for POSIX shells: ' becomes '\'' . */
export function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/** Methods whose requests carry no body in the explorer. */
export function methodAllowsBody(method: string): boolean {
  const m = method.toUpperCase();
  return m !== "GET" && m !== "HEAD";
}

/**
 * Normalises what the learner typed into a request path: trims, strips an
 * origin ("http://localhost:8080/x" -> "/x") and ensures a leading "/".
 */
export function normalizePath(input: string): string {
  let p = input.trim();
  const m = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i.exec(p);
  if (m) p = p.slice(m[0].length);
  if (!p.startsWith("/")) p = "/" + p;
  return p;
}

/** e.g. curl -X POST 'http://localhost:8080/products' -H 'Content-Type: application/json' --data '{"a":1}' */
export function toCurl(req: ExplorerRequest, origin: string = DEFAULT_ORIGIN): string {
  const method = (req.method || "GET").toUpperCase();
  const parts = ["curl"];
  // curl -X HEAD waits for a body that never comes; -I is the right flag.
  if (method === "HEAD") parts.push("-I");
  else parts.push("-X", method);
  parts.push(shellQuote(origin.replace(/\/+$/, "") + normalizePath(req.path || "/")));
  for (const [name, value] of req.headers ?? []) {
    if (!name.trim()) continue;
    parts.push("-H", shellQuote(`${name.trim()}: ${value}`));
  }
  if (req.body && methodAllowsBody(method)) {
    // --data treats a leading @ as a file name; --data-raw does not.
    parts.push(req.body.startsWith("@") ? "--data-raw" : "--data", shellQuote(req.body));
  }
  return parts.join(" ");
}
