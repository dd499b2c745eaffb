// Trace recording for one synctest bubble, and the global hook the sandbox
// harness uses to receive every finished bubble's trace.
import { Time } from "./timeval";
import type { BlockKind, Trace, TraceEvent, TraceEventKind, TraceGoroutine } from "./trace-types";

export type { Trace, TraceEvent, TraceGoroutine, BlockKind, TraceEventKind };

/** Maximum number of events kept per bubble; later events are dropped and `truncated` set. */
export const TRACE_EVENT_CAP = 20000;

let listener: ((trace: Trace) => void) | null = null;

/**
 * setTraceListener registers fn to be called once per finished bubble
 * (passing or failing) with its trace. Pass null to remove it.
 */
export function setTraceListener(fn: ((trace: Trace) => void) | null): void {
  listener = fn;
}

/** emitTrace hands a finished trace to the listener, if any; listener errors are ignored. */
export function emitTrace(trace: Trace): void {
  if (!listener) return;
  try {
    listener(trace);
  } catch {
    // A faulty listener must not break the run.
  }
}

/** preview renders v in at most 40 characters for the trace. */
export function preview(v: unknown): string {
  let s: string;
  switch (typeof v) {
    case "string":
      s = JSON.stringify(v.length > 60 ? v.slice(0, 60) : v);
      break;
    case "number":
    case "boolean":
    case "undefined":
      s = String(v);
      break;
    case "bigint":
      s = `${v}n`;
      break;
    case "function":
      s = "func";
      break;
    case "symbol":
      s = v.toString();
      break;
    default:
      if (v === null) s = "null";
      else if (v instanceof Error) s = `Error(${JSON.stringify(v.message)})`;
      else if (v instanceof Time) s = v.toString();
      else {
        try {
          s = JSON.stringify(v) ?? String(v);
        } catch {
          s = Object.prototype.toString.call(v);
        }
      }
  }
  return s.length > 40 ? s.slice(0, 39) + "…" : s;
}

/** TraceRecorder accumulates the events of one bubble, up to TRACE_EVENT_CAP. */
export class TraceRecorder {
  readonly events: TraceEvent[] = [];
  truncated = false;

  /** full reports whether further events would be dropped. */
  get full(): boolean {
    return this.events.length >= TRACE_EVENT_CAP;
  }

  /** add appends ev, or marks the trace truncated when the cap is reached. */
  add(ev: TraceEvent): void {
    if (this.events.length >= TRACE_EVENT_CAP) {
      this.truncated = true;
      return;
    }
    this.events.push(ev);
  }
}
