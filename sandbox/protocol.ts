// Messages and values that cross the boundaries host <-> sandbox iframe <->
// sandbox worker, and the API explorer's request/response shapes.

/** A request the learner builds in the API explorer. */
export interface ExplorerRequest {
  method: string;
  /** Path with optional query, e.g. "/products/42?verbose=1". */
  path: string;
  headers: [string, string][];
  body: string;
}

/** What the learner's handler answered. */
export interface ExplorerResponse {
  status: number;
  statusText: string;
  headers: [string, string][];
  body: string;
  /** Wall-clock milliseconds from Send to response. */
  wallMs: number;
  /** Virtual milliseconds the handler spent (it runs in a synctest bubble). */
  virtualMs?: number;
  /** Set when the handler could not answer (panic, timeout, no handler). */
  error?: string;
}
