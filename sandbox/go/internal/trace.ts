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

/**
 * deferrable reports whether v's preview may be computed later, when the
 * trace is read: v cannot change meanwhile. Strings are previewed at once
 * (a stored string is a finished preview); objects at once, as they may be
 * mutated after the event.
 */
function deferrable(v: unknown): boolean {
  const t = typeof v;
  return (
    t === "number" ||
    t === "boolean" ||
    t === "undefined" ||
    t === "bigint" ||
    t === "symbol" ||
    v === null ||
    v instanceof Time
  );
}

/**
 * TraceRecorder accumulates the events of one bubble, up to TRACE_EVENT_CAP.
 * Events are stored in columns, not as objects, and become TraceEvent
 * objects only when the trace is read: a long run records thousands of
 * events per virtual second and most traces are never looked at, so the
 * columns spare the garbage collector an object per event.
 */
export class TraceRecorder {
  truncated = false;
  private n = 0;
  private readonly ts: number[] = [];
  private readonly gs: number[] = [];
  private readonly kinds: TraceEventKind[] = [];
  /** Channel id, 0 for none (ids start at 1). */
  private readonly chans: number[] = [];
  /** Peer goroutine id, 0 for none (ids start at 1). */
  private readonly peers: number[] = [];
  /** The block kind, the detail, or the value (a preview, or a value whose preview is deferred). */
  private readonly aux: unknown[] = [];
  private readonly built: TraceEvent[] = [];

  /** full reports whether further events would be dropped. */
  get full(): boolean {
    return this.n >= TRACE_EVENT_CAP;
  }

  /** length is the number of events recorded. */
  get length(): number {
    return this.n;
  }

  /**
   * add records an event, or marks the trace truncated when the cap is
   * reached. chan and peer are 0 when absent; aux is the block kind
   * ("block"), the detail ("timer", "panic") or the value ("send", "recv").
   */
  add(t: number, g: number, kind: TraceEventKind, chan: number, peer: number, aux: unknown): void {
    if (this.n >= TRACE_EVENT_CAP) {
      this.truncated = true;
      return;
    }
    this.n++;
    this.ts.push(t);
    this.gs.push(g);
    this.kinds.push(kind);
    this.chans.push(chan);
    this.peers.push(peer);
    this.aux.push((kind === "send" || kind === "recv") && !deferrable(aux) ? preview(aux) : aux);
  }

  /** events returns the recorded events as TraceEvents (built once; later calls extend the same array). */
  get events(): TraceEvent[] {
    const out = this.built;
    for (let i = out.length; i < this.n; i++) {
      const kind = this.kinds[i]!;
      const ev: TraceEvent = { t: this.ts[i]!, g: this.gs[i]!, kind };
      const chan = this.chans[i]!;
      const aux = this.aux[i];
      switch (kind) {
        case "block":
          ev.block = aux as BlockKind;
          if (chan !== 0) ev.chan = chan;
          break;
        case "send":
        case "recv":
          ev.chan = chan;
          ev.value = typeof aux === "string" ? aux : preview(aux);
          if (this.peers[i] !== 0) ev.peer = this.peers[i]!;
          break;
        case "close":
          ev.chan = chan;
          break;
        case "timer":
        case "panic":
          ev.detail = aux as string;
          break;
      }
      out.push(ev);
    }
    return out;
  }
}
