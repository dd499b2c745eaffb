// Small pure helpers for the explorer's request building and response view.

import type { ExplorerRequest } from "../../../sandbox/protocol";
import { methodAllowsBody, normalizePath } from "./curl";

export const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"] as const;

export interface HeaderRow {
  id: number;
  name: string;
  value: string;
}

/**
 * The request actually sent: path normalised, empty header rows dropped, body
 * cleared for GET/HEAD, and Content-Type: application/json added when a body
 * is sent without any Content-Type header.
 */
export function buildRequest(method: string, path: string, rows: readonly HeaderRow[], body: string): ExplorerRequest {
  const m = method.toUpperCase();
  const headers: [string, string][] = rows.filter((r) => r.name.trim()).map((r) => [r.name.trim(), r.value]);
  const hasBody = methodAllowsBody(m) && body.length > 0;
  if (hasBody && !headers.some(([n]) => n.toLowerCase() === "content-type")) {
    headers.push(["Content-Type", "application/json"]);
  }
  return { method: m, path: normalizePath(path || "/"), headers, body: hasBody ? body : "" };
}

export type StatusClass = "info" | "success" | "redirect" | "client-error" | "server-error" | "unknown";

export function statusClass(status: number): StatusClass {
  if (status >= 100 && status < 200) return "info";
  if (status >= 200 && status < 300) return "success";
  if (status >= 300 && status < 400) return "redirect";
  if (status >= 400 && status < 500) return "client-error";
  if (status >= 500 && status < 600) return "server-error";
  return "unknown";
}

/** The explorer message (src/i18n/messages/explorer.ts) that names each class of status. */
export const STATUS_CLASS_WORDS = {
  info: "info",
  success: "success",
  redirect: "redirect",
  "client-error": "clientError",
  "server-error": "serverError",
  unknown: "unknownStatus",
} as const satisfies Record<StatusClass, string>;

const STATUS_TEXT: Record<number, string> = {
  200: "OK",
  201: "Created",
  202: "Accepted",
  204: "No Content",
  301: "Moved Permanently",
  302: "Found",
  304: "Not Modified",
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  409: "Conflict",
  415: "Unsupported Media Type",
  422: "Unprocessable Entity",
  429: "Too Many Requests",
  500: "Internal Server Error",
  501: "Not Implemented",
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Timeout",
};

export function statusText(status: number, given?: string): string {
  return given?.trim() || STATUS_TEXT[status] || "";
}

/** Pretty-prints JSON bodies; anything else is returned unchanged. */
export function formatBody(body: string): { text: string; json: boolean } {
  const t = body.trim();
  if (t && (t[0] === "{" || t[0] === "[" || t[0] === '"' || /^(-?\d|true$|false$|null$)/.test(t))) {
    try {
      return { text: JSON.stringify(JSON.parse(t), null, 2), json: true };
    } catch {
      /* not JSON */
    }
  }
  return { text: body, json: false };
}

export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return "?";
  if (ms < 10) return `${Math.round(ms * 100) / 100} ms`;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${Math.round(ms / 10) / 100} s`;
}
