// Serving one API-explorer request with the learner's handler (not learner-facing).

import { panicText } from "../../internal/panic";
import { isVirtual, now } from "../../time";
import type { Handler, HandlerFunc } from "./handler";
import { handlerFunc } from "./handler";
import { Header } from "./header";
import { Request } from "./request";
import { HandlerPanic, serveRequest } from "./server";
import { statusText } from "./status";

/** The request the API explorer sends (structurally sandbox/protocol.ts's ExplorerRequest). */
export interface ExplorerRequest {
  method: string;
  /** Path with optional query, e.g. "/products/42?verbose=1". */
  path: string;
  headers: [string, string][];
  body: string;
}

/** What serveExplorerRequest answers (protocol.ts's ExplorerResponse without wallMs). */
export interface ExplorerAnswer {
  status: number;
  statusText: string;
  headers: [string, string][];
  body: string;
  virtualMs?: number;
  error?: string;
}

/**
 * serveExplorerRequest serves one ExplorerRequest with handler the way Go's
 * server would and describes the response. Call it inside a synctest bubble
 * (virtualMs is the virtual time the handler took; 0 outside one).
 *
 * - handler may be a Handler or a plain function (w, r) => ...
 * - The Host header (default "localhost") becomes r.host; path may carry a query.
 * - The response has Content-Length and Date (virtual clock, see jwt Epoch)
 *   like a Go server's; HEAD responses have no body.
 * - If the handler panics, status is 0 and `error` explains that Go's server
 *   would close the connection without a response (the panic is logged).
 * - A missing handler or a bad request also gives status 0 and `error`.
 */
export async function serveExplorerRequest(
  handler: Handler | HandlerFunc | null | undefined,
  req: ExplorerRequest,
): Promise<ExplorerAnswer> {
  const t0 = isVirtual() ? now() : 0;
  const elapsed = () => (isVirtual() ? now() - t0 : 0);
  const noAnswer = (error: string): ExplorerAnswer => ({
    status: 0,
    statusText: "",
    headers: [],
    body: "",
    virtualMs: elapsed(),
    error,
  });
  if (typeof handler === "function") handler = handlerFunc(handler);
  if (!handler || typeof handler.serveHTTP !== "function") {
    return noAnswer(
      "no handler: the exercise's handler export is missing or is not a Handler (an object with serveHTTP) or a function",
    );
  }
  const h: Handler = handler;
  let r: Request;
  try {
    const method = (req.method || "GET").toUpperCase();
    const path = req.path.startsWith("/") ? req.path : "/" + req.path;
    const header = new Header();
    let host = "";
    for (const [k, v] of req.headers) {
      if (k.trim() === "") continue;
      if (k.toLowerCase() === "host") host = v;
      else header.add(k.trim(), v);
    }
    r = new Request(method, path, method === "GET" || method === "HEAD" ? req.body || "" : req.body, header);
    r.host = host || "localhost";
    r.remoteAddr = "127.0.0.1:50000";
    r.requestURI = path;
  } catch (e) {
    return noAnswer(`bad request: ${(e as Error).message}`);
  }
  try {
    const resp = await serveRequest(h, r);
    return {
      status: resp.statusCode,
      statusText: statusText(resp.statusCode),
      headers: resp.header.entries(),
      body: await resp.text(),
      virtualMs: elapsed(),
    };
  } catch (e) {
    if (e instanceof HandlerPanic) {
      return noAnswer(
        `panic: ${panicText(e.value)}\n` +
          "The handler panicked, so the server closed the connection without a response (Go's net/http does the same). " +
          "Recover in a middleware to answer 500 instead.",
      );
    }
    return noAnswer(`error: ${e instanceof Error ? e.message : String(e)}`);
  }
}
