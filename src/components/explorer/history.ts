// Recent explorer requests, persisted in localStorage. Every storage access is
// guarded: unreadable, corrupt or full storage never breaks the component.

import type { ExplorerRequest } from "../../../sandbox/protocol";

export const HISTORY_CAP = 10;
/** Bodies larger than this are not persisted (they would eat the storage quota). */
export const MAX_STORED_BODY = 20_000;

export interface HistoryEntry {
  req: ExplorerRequest;
  /** Epoch ms when sent. */
  at: number;
  /** Status of the response, when one arrived. */
  status?: number;
}

export type StorageLike = Pick<Storage, "getItem" | "setItem">;

/** window.localStorage, or undefined when unavailable (SSR, privacy mode, sandboxed iframe). */
export function defaultStorage(): StorageLike | undefined {
  try {
    if (typeof window === "undefined") return undefined;
    return window.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}

function isStr(x: unknown): x is string {
  return typeof x === "string";
}

/** Returns a clean request or null if `x` is not a valid one. */
export function validateRequest(x: unknown): ExplorerRequest | null {
  if (!x || typeof x !== "object") return null;
  const r = x as Record<string, unknown>;
  if (!isStr(r.method) || !/^[A-Za-z]{1,16}$/.test(r.method)) return null;
  if (!isStr(r.path) || r.path.length > 4096) return null;
  if (!isStr(r.body)) return null;
  if (!Array.isArray(r.headers) || r.headers.length > 100) return null;
  const headers: [string, string][] = [];
  for (const h of r.headers) {
    if (!Array.isArray(h) || h.length !== 2 || !isStr(h[0]) || !isStr(h[1])) return null;
    headers.push([h[0], h[1]]);
  }
  return { method: r.method.toUpperCase(), path: r.path, headers, body: r.body };
}

export function validateHistory(x: unknown): HistoryEntry[] {
  if (!Array.isArray(x)) return [];
  const out: HistoryEntry[] = [];
  for (const item of x) {
    if (!item || typeof item !== "object") continue;
    const e = item as Record<string, unknown>;
    const req = validateRequest(e.req);
    if (!req) continue;
    const at = typeof e.at === "number" && Number.isFinite(e.at) ? e.at : 0;
    const entry: HistoryEntry = { req, at };
    if (typeof e.status === "number" && Number.isInteger(e.status) && e.status >= 0 && e.status < 1000) {
      entry.status = e.status;
    }
    out.push(entry);
    if (out.length >= HISTORY_CAP) break;
  }
  return out;
}

export function loadHistory(key: string, storage: StorageLike | undefined = defaultStorage()): HistoryEntry[] {
  if (!storage) return [];
  try {
    const raw = storage.getItem(key);
    if (!raw) return [];
    return validateHistory(JSON.parse(raw));
  } catch {
    return [];
  }
}

/** Saves; on quota errors retries with fewer entries. Returns true when something was stored. */
export function saveHistory(
  key: string,
  entries: readonly HistoryEntry[],
  storage: StorageLike | undefined = defaultStorage(),
): boolean {
  if (!storage) return false;
  let list = entries.slice(0, HISTORY_CAP).filter((e) => e.req.body.length <= MAX_STORED_BODY);
  for (;;) {
    try {
      storage.setItem(key, JSON.stringify(list));
      return true;
    } catch {
      if (list.length === 0) return false;
      list = list.slice(0, Math.floor(list.length / 2));
    }
  }
}

function sameRequest(a: ExplorerRequest, b: ExplorerRequest): boolean {
  return (
    a.method === b.method &&
    a.path === b.path &&
    a.body === b.body &&
    a.headers.length === b.headers.length &&
    a.headers.every((h, i) => h[0] === b.headers[i]![0] && h[1] === b.headers[i]![1])
  );
}

/** Newest first; an identical earlier request moves to the top; capped at HISTORY_CAP. */
export function addToHistory(
  entries: readonly HistoryEntry[],
  req: ExplorerRequest,
  at: number,
  status?: number,
): HistoryEntry[] {
  const entry: HistoryEntry = {
    req: { method: req.method, path: req.path, headers: req.headers.map(([n, v]) => [n, v]), body: req.body },
    at,
  };
  if (status !== undefined) entry.status = status;
  return [entry, ...entries.filter((e) => !sameRequest(e.req, req))].slice(0, HISTORY_CAP);
}
