// The shape of a concurrency trace: what the runtime records during one
// synctest bubble and what the exercise UI draws as a timeline.
// Times are virtual nanoseconds since the bubble started (time.Duration).

/** What a blocked goroutine waits on, as shown in deadlock dumps and the timeline. */
export type BlockKind =
  | "chan send"
  | "chan receive"
  | "select"
  | "select (no cases)"
  | "mutex"
  | "rwmutex"
  | "waitgroup"
  | "cond"
  | "sleep"
  | "semaphore"
  | "nil chan"
  | "other";

export type TraceEventKind =
  | "start" // goroutine created and runnable
  | "block" // goroutine blocked; `block` says on what
  | "unblock" // goroutine runnable again
  | "send" // value handed to a channel; `chan`, `value`, `peer` (receiver, when a direct hand-off)
  | "recv" // value taken from a channel; `chan`, `value`, `peer` (sender, when a direct hand-off)
  | "close" // channel closed; `chan`
  | "timer" // a timer fired; `detail`
  | "end" // goroutine returned
  | "panic"; // goroutine panicked; `detail` holds the message

export interface TraceEvent {
  /** Virtual time in ns since the bubble started. */
  t: number;
  /** Goroutine id. */
  g: number;
  kind: TraceEventKind;
  block?: BlockKind;
  /** Channel id, for send/recv/close and channel blocks. */
  chan?: number;
  /** Short preview of the value sent or received (<= 40 chars). */
  value?: string;
  /** The goroutine at the other end of a hand-off. */
  peer?: number;
  detail?: string;
}

export interface TraceGoroutine {
  id: number;
  /** "main" for the bubble's root, otherwise the name given to go() or "goroutine N". */
  name: string;
  parent?: number;
  /** "file.ts:line" where it was started, when known. */
  location?: string;
}

export interface Trace {
  /** Name of the test (filled in by the harness), or the bubble's label. */
  label: string;
  goroutines: TraceGoroutine[];
  events: TraceEvent[];
  /** Virtual time when the bubble ended. */
  endTime: number; // ns
  /** How the bubble ended. */
  outcome: "ok" | "deadlock" | "leak" | "panic" | "error";
  /** True when events were dropped to respect the cap. */
  truncated?: boolean;
}
