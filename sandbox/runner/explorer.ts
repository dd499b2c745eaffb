// Serves API-explorer requests with the learner's handler inside the sandbox
// worker: loads the handler export, then serves each request the way Go's
// server would, inside a synctest bubble so goroutines, timers and contexts
// behave as in tests.

import type { ExplorerRequest, ExplorerResponse } from "../protocol";
import { panicText } from "../go/internal/panic";
import { Millisecond, isVirtual, now, since } from "../go/time";
import { run } from "../go/testing/synctest";
import type { Handler, HandlerFunc } from "../go/net/http/handler";
import { handlerFunc } from "../go/net/http/handler";
import { Header } from "../go/net/http/header";
import { Request } from "../go/net/http/request";
import { HandlerPanic, serveRequest } from "../go/net/http/server";
import { statusText } from "../go/net/http/status";
import { MAX_BODY_CHARS, MAX_HEADERS, MAX_HEADER_CHARS, capText } from "../output-limits";
import { platformText, type PlatformCode } from "../platform-text";

/** What the worker answers; the page adds the wall-clock time. */
type Answer = Omit<ExplorerResponse, "wallMs">;

/**
 * serveExplorerRequest serves one ExplorerRequest with handler the way Go's
 * server would and describes the response. Call it inside a synctest bubble
 * (virtualMs is the virtual time the handler took; 0 outside one).
 *
 * - handler may be a Handler or a plain function (w, r) => ...
 * - The Host header (default "localhost") becomes r.host; path may carry a query.
 * - The response has Content-Length and Date (virtual clock: 2000-01-01 UTC at the start)
 *   like a Go server's; HEAD responses have no body.
 * - If the handler panics, status is 0 and `error` explains that Go's server
 *   would close the connection without a response (the panic is logged).
 * - A missing handler or a bad request also gives status 0 and `error`.
 */
export async function serveExplorerRequest(
  handler: Handler | HandlerFunc | null | undefined,
  req: ExplorerRequest,
): Promise<Answer> {
  // The protocol reports ms; the virtual clock counts ns.
  const t0 = isVirtual() ? now() : null;
  const elapsed = () => (t0 && isVirtual() ? since(t0) / Millisecond : 0);
  const noAnswer = (code: PlatformCode, params?: Record<string, string>): Answer => {
    const { message, platform } = platformText(code, params);
    return { status: 0, statusText: "", headers: [], body: "", virtualMs: elapsed(), error: message, platform };
  };
  if (typeof handler === "function") handler = handlerFunc(handler);
  if (!handler || typeof handler.serveHTTP !== "function") {
    return noAnswer("explorerNoHandler");
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
    return noAnswer("explorerBadRequest", { error: (e as Error).message });
  }
  try {
    const resp = await serveRequest(h, r);
    return {
      status: resp.statusCode,
      statusText: statusText(resp.statusCode),
      // Capped here so a 20 MB body never crosses to the page.
      headers: resp.header
        .entries()
        .slice(0, MAX_HEADERS)
        .map(([k, v]): [string, string] => [capText(k, MAX_HEADER_CHARS), capText(v, MAX_HEADER_CHARS)]),
      body: capText(await resp.text(), MAX_BODY_CHARS),
      virtualMs: elapsed(),
    };
  } catch (e) {
    if (e instanceof HandlerPanic) {
      // Go's own line ("panic: ...") stays as Go prints it; the platform only explains it.
      return noAnswer("explorerPanic", { panic: `panic: ${panicText(e.value)}` });
    }
    return noAnswer("explorerError", { error: e instanceof Error ? e.message : String(e) });
  }
}

/** Loads the learner's handler and serves `request` with it in a fresh bubble. Never rejects. */
export async function serveExplorer(loadHandler: () => Promise<unknown>, request: ExplorerRequest): Promise<Answer> {
  const failure = (error: string): Answer => ({ status: 0, statusText: "", headers: [], body: "", error });
  const platformFailure = (code: PlatformCode, params?: Record<string, string>): Answer => {
    const { message, platform } = platformText(code, params);
    return { ...failure(message), platform };
  };
  let handler: unknown;
  try {
    handler = await loadHandler();
  } catch (error) {
    return platformFailure("explorerLoadFailed", { error: error instanceof Error ? error.message : String(error) });
  }
  let answer: Answer | undefined;
  try {
    await run(
      async () => {
        answer = await serveExplorerRequest(handler as Handler | HandlerFunc | undefined, request);
      },
      { allowLeaks: true, label: "explorer" },
    );
  } catch (error) {
    return failure(error instanceof Error ? error.message : String(error));
  }
  return answer ?? platformFailure("explorerNoResponse");
}
