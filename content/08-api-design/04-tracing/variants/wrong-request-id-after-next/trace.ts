import type { Context } from "go/context";
import { withValue } from "go/context";
import * as http from "go/net/http";
import type { Header, Middleware } from "go/net/http";
import * as time from "go/time";
import { StatusRecorder } from "./recorder";

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

const zeros = /^0+$/;

/**
 * parseTraceparent parses a W3C traceparent header,
 * "00-<32 hex trace-id>-<16 hex parent-id>-<2 hex flags>", and returns null
 * if it is not valid: lowercase hex only, no all-zero ids, version ff is
 * invalid, version 00 has nothing after the flags, and a later version may
 * carry more fields after a "-".
 */
export function parseTraceparent(h: string): SpanContext | null {
  const m = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?$/.exec(h);
  if (!m) return null;
  const [, version, traceID, spanID, flags, rest] = m;
  if (version === "ff" || (version === "00" && rest !== undefined)) return null;
  if (zeros.test(traceID!) || zeros.test(spanID!)) return null;
  return { traceID: traceID!, spanID: spanID!, flags: flags! };
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
  const span = spanFrom(ctx);
  if (span === null) return;
  h.set("traceparent", formatTraceparent(span));
  const id = requestIDFrom(ctx);
  if (id !== "") h.set("X-Request-Id", id);
}

const validRequestID = /^[A-Za-z0-9-]{1,64}$/;

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
  return (next) =>
    http.handlerFunc(async (w, r) => {
      const start = time.now();
      // Two traceparent headers are as bad as a broken one: start afresh.
      const values = r.header.values("traceparent");
      const incoming = values.length === 1 ? parseTraceparent(values[0]!) : null;
      const span: Span = incoming
        ? { traceID: incoming.traceID, spanID: ids.spanID(), parentID: incoming.spanID, flags: incoming.flags }
        : { traceID: ids.traceID(), spanID: ids.spanID(), parentID: "", flags: "01" };
      const sent = r.header.get("X-Request-Id");
      const requestID = validRequestID.test(sent) ? sent : span.traceID;

      const ctx = withValue(withValue(r.context(), spanKey, span), requestIDKey, requestID);
      const rec = new StatusRecorder(w);
      await next.serveHTTP(rec, r.withContext(ctx));
      w.header().set("X-Request-Id", requestID);

      logf(
        JSON.stringify({
          level: "INFO",
          msg: "request",
          method: r.method,
          path: r.url.path,
          status: rec.status,
          duration_ms: Math.trunc(time.since(start) / time.Millisecond),
          trace_id: span.traceID,
          span_id: span.spanID,
          parent_id: span.parentID,
          request_id: requestID,
        }),
      );
    });
}
