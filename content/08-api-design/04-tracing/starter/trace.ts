import type { Context } from "go/context";
import type { Header, Middleware } from "go/net/http";

/** A SpanContext is what a traceparent header carries: a trace, one span in it, and the trace flags. */
export interface SpanContext {
  readonly traceID: string; // 32 lowercase hex digits, not all zero
  readonly spanID: string; // 16 lowercase hex digits, not all zero
  readonly flags: string; // 2 hex digits; 01 = sampled
}

/** A Span is this server's part of a trace: its own span id, and the caller's as parentID ("" if it started the trace). */
export interface Span extends SpanContext {
  readonly parentID: string;
}

/** An IDSource makes new ids (random in production, predictable in tests). */
export interface IDSource {
  traceID(): string;
  spanID(): string;
}

function randomHex(digits: number): string {
  let s = "";
  while (s.length < digits) s += Math.floor(Math.random() * 16).toString(16);
  return /[^0]/.test(s) ? s : randomHex(digits); // all zeros is invalid
}

/** randomIDs makes random ids (Go: crypto/rand or math/rand/v2). */
export const randomIDs: IDSource = { traceID: () => randomHex(32), spanID: () => randomHex(16) };

/** A log sink: one line per call (console.log in the explorer, an array in tests). */
export type Logf = (line: string) => void;

/**
 * parseTraceparent parses a W3C traceparent header,
 * "00-<32 hex trace-id>-<16 hex parent-id>-<2 hex flags>", and returns null
 * if it is not valid: lowercase hex only, no all-zero ids, version ff is
 * invalid, version 00 has nothing after the flags, and a later version may
 * carry more fields after a "-".
 */
export function parseTraceparent(h: string): SpanContext | null {
  // TODO: check every part, as the doc comment says.
  void h;
  return null;
}

/** formatTraceparent returns the version 00 traceparent header for sc. */
export function formatTraceparent(sc: SpanContext): string {
  return `00-${sc.traceID}-${sc.spanID}-${sc.flags}`;
}

// Go: type ctxKey int; const spanKey, requestIDKey ctxKey = 0, 1.
const spanKey = Symbol("span");
const requestIDKey = Symbol("request id");

/** spanFrom returns the span tracing stored in ctx, or null. */
export function spanFrom(ctx: Context): Span | null {
  return (ctx.value(spanKey) as Span | undefined) ?? null;
}

/** requestIDFrom returns the request id tracing stored in ctx, or "". */
export function requestIDFrom(ctx: Context): string {
  return (ctx.value(requestIDKey) as string | undefined) ?? "";
}

/**
 * inject puts the trace of ctx on the header of an outgoing request: a
 * traceparent whose parent-id is this server's span (the callee's parent is
 * us), and X-Request-Id. Without a span in ctx it sets nothing.
 */
export function inject(ctx: Context, h: Header): void {
  // TODO: traceparent with this server's span as the parent, and X-Request-Id.
  void ctx;
  void h;
}

/**
 * tracing returns middleware that continues the caller's trace (or starts
 * one) with a new span for this request, keeps a valid X-Request-Id (or
 * uses the trace id), echoes it in the response, stores both in the
 * context, and logs one JSON line per request once it is served:
 *
 *     {"level":"INFO","msg":"request","method":"GET","path":"/orders/7","status":200,
 *      "duration_ms":40,"trace_id":"...","span_id":"...","parent_id":"...","request_id":"..."}
 */
export function tracing(logf: Logf, ids: IDSource = randomIDs): Middleware {
  // TODO: continue or start the trace with a new span, keep or make the request id,
  // echo it, store both in the context (withValue), and log one JSON line per request.
  void logf;
  void ids;
  return (next) => next;
}
