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
  /** Virtual milliseconds the handler spent, fractional (it runs in a synctest bubble, whose clock counts ns). */
  virtualMs?: number;
  /** Set when the handler could not answer (panic, timeout, no handler). */
  error?: string;
}

import type { Trace } from "./go/internal/trace-types";
import type { CompileDiagnostic } from "./compiler/compile";

export type { CompileDiagnostic, Trace };

/** A failure as shown to the learner. */
export interface TestFailure {
  message: string;
  /** Expected/actual diff, when the assertion had both. */
  diff?: string;
  /** "file.ts:line:col" in the learner's or the test's source, when known. */
  location?: string;
}

export interface TestOutcome {
  name: string;
  state: "pass" | "fail" | "skip";
  durationMs: number;
  failure?: TestFailure;
  /** Console output captured while the test ran (capped). */
  logs: string[];
  logsTruncated?: boolean;
}

/** A top-level describe block: one numbered task of the exercise. */
export interface TaskOutcome {
  title: string;
  file: string;
  tests: TestOutcome[];
  /** A failure in the task's hooks or collection, not tied to one test. */
  failure?: TestFailure;
}

/** What one Run produced. Every Run ends in exactly one of these. */
export type RunResult =
  | {
      kind: "tests";
      tasks: TaskOutcome[];
      passed: number;
      failed: number;
      /** A test file failed to load (threw at import); its message. */
      loadErrors: TestFailure[];
      traces: Trace[];
      /** Time spent in the sandbox worker running tests. */
      durationMs: number;
      /** True when the exercise exposes a handler the API explorer can call. */
      explorer: boolean;
    }
  | { kind: "compile-error"; errors: CompileDiagnostic[] }
  | { kind: "timeout"; timeoutMs: number }
  | { kind: "crash"; message: string }
  | { kind: "cancelled" };

/** Messages the sandbox worker posts (relayed verbatim by the sandbox iframe). */
export type WorkerMessage =
  | { type: "result"; runId: number; result: RunResult }
  | { type: "explorer-response"; runId: number; requestId: number; response: Omit<ExplorerResponse, "wallMs"> };

/** Messages the host sends to the sandbox iframe. */
export type HostMessage =
  /** `prelude` (the harness and platform modules) is sent once per iframe. */
  | { type: "run"; runId: number; code: string; prelude?: string }
  /** Sent once the exercise is visible: load the prelude and start a spare worker ahead of the first Run. */
  | { type: "prepare"; prelude: string }
  | { type: "explore"; runId: number; requestId: number; request: ExplorerRequest }
  | { type: "stop"; runId: number };

/**
 * The cache that keeps Astro's content-hashed /_astro/ files for offline use:
 * the service worker (src/integrations/service-worker.ts) fills it on first
 * use, the page (src/lib/offline.ts) and the compile worker add what they
 * fetched before the service worker took control. Bump the version to drop
 * every cached asset at once.
 */
export const OFFLINE_ASSET_CACHE = "course-assets-v1";
