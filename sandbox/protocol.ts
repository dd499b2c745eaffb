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
  /** Set when the handler could not answer (panic, timeout, no handler): in English, or the raw text when there is no code. */
  error?: string;
  /** What `error` says, as a platform message the page translates (absent when `error` is not the platform's). */
  platform?: PlatformText;
}

import type { Trace } from "./go/internal/trace-types";
import type { CompileDiagnostic } from "./compiler/compile";
import type { PlatformText } from "./platform-text";

export type { CompileDiagnostic, PlatformText, Trace };

/** A failure as shown to the learner. */
export interface TestFailure {
  /** What the test, the learner's code or Go's runtime said; for a platform failure, its English text. */
  message: string;
  /** Set when the platform, not a test, wrote the failure: the page shows it in the learner's language. */
  platform?: PlatformText;
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
  /** The lesson's tests of this task; a lesson test that did not run is a failure. */
  tests: TestOutcome[];
  /** A failure in the task's hooks or collection, not tied to one test. */
  failure?: TestFailure;
  /** Every lesson test of the task ran and passed (the runner's verdict). */
  done: boolean;
  /** Tests left out of `tests` because there were too many to show. */
  hiddenTests?: number;
}

/** The lesson's tests per test file, each as its path of names (describe titles, then the test's), collected at build time. */
export type LessonTests = Record<string, string[][]>;

/** What one Run produced. Every Run ends in exactly one of these. */
export type RunResult =
  | {
      kind: "tests";
      tasks: TaskOutcome[];
      /** Lesson tests that passed and that did not (failed, skipped or never ran). */
      passed: number;
      failed: number;
      /** Every lesson test ran and passed, and nothing failed outside a test: the lesson is done. */
      complete: boolean;
      /** Tests the learner wrote in their own files: shown apart, never counted. */
      learnerTests: TestOutcome[];
      /** A test file failed to load (threw at import); its message. */
      loadErrors: TestFailure[];
      traces: Trace[];
      /** Time spent in the sandbox worker running tests. */
      durationMs: number;
      /** True when the exercise exposes a handler the API explorer can call. */
      explorer: boolean;
      /** Tasks left out of `tasks` because there were too many to show. */
      hiddenTasks?: number;
    }
  | { kind: "compile-error"; errors: CompileDiagnostic[] }
  /** `test` names the test that was running when the time ran out, when the runner said. */
  | { kind: "timeout"; timeoutMs: number; test?: string }
  /**
   * `outOfMemory`: the sandbox process died, which in practice means learner code exhausted memory.
   * `message` is `platform` in English.
   */
  | { kind: "crash"; message: string; platform: PlatformText; test?: string; outOfMemory?: boolean }
  | { kind: "cancelled" };

/**
 * Messages the sandbox worker posts (relayed verbatim by the sandbox iframe).
 * `secret` is the Run's secret from its "load" message: learner code never
 * sees it, so the host ignores messages without it.
 */
export type WorkerMessage =
  /**
   * `result` is the RunResult as JSON: one string crosses the worker, the
   * frame and the page far faster than a tree of thousands of trace events
   * cloned twice, and the frame measures it by its length.
   */
  | { type: "result"; runId: number; secret: string; result: string }
  | {
      type: "explorer-response";
      runId: number;
      secret: string;
      requestId: number;
      response: Omit<ExplorerResponse, "wallMs">;
    }
  /** A test started: lets the host name the test a timeout or crash cut short. */
  | { type: "progress"; runId: number; secret: string; test: string };

/** Messages the sandbox iframe itself posts (not relayed from a worker). */
export type FrameMessage = { type: "ready" } | { type: "pong"; id: number };

/** Messages the host sends to the sandbox iframe. */
export type HostMessage =
  /**
   * `prelude` (the harness and platform modules) is sent once per iframe.
   * `staged`: the Run is of the bundle last staged under `key`; a worker that
   * loaded it is started with `start` alone, else `code` runs as usual.
   */
  | {
      type: "run";
      runId: number;
      secret: string;
      code: string;
      prelude?: string;
      staged?: { key: number; start: StartConfig };
    }
  /** A bundle compiled ahead of its Run (no start call): a spare worker loads it, running no learner code. */
  | { type: "stage"; key: number; code: string }
  /** Sent once the exercise is visible: load the prelude and start a spare worker ahead of the first Run. */
  | { type: "prepare"; prelude: string }
  | { type: "explore"; runId: number; requestId: number; request: ExplorerRequest }
  | { type: "stop"; runId: number }
  /** Liveness check; the frame answers with a pong carrying the same id. */
  | { type: "ping"; id: number };

/**
 * The cache that keeps Astro's content-hashed /_astro/ files for offline use:
 * the service worker (src/integrations/service-worker.ts) fills it on first
 * use, the page (src/lib/offline.ts) and the compile worker add what they
 * fetched before the service worker took control. Bump the version to drop
 * every cached asset at once.
 */
export const OFFLINE_ASSET_CACHE = "course-assets-v1";

/** What starts the harness once the Run's bundle is loaded. */
export interface StartConfig {
  runId: number;
  /** The bundle's source map (JSON). */
  map: string;
  testTimeoutMs: number;
}

/**
 * The messages the sandbox iframe hands a Run's worker: "stage" loads a
 * bundle ahead (before the Run, so without its secret); "load" starts the
 * Run, with its script (`code`: bundle + start call) or, in a worker that
 * staged the bundle, with `start` alone.
 */
export type LoadMessage =
  | { type: "load"; runId: number; secret: string; code: string }
  | { type: "load"; runId: number; secret: string; start: StartConfig }
  | { type: "stage"; code: string };
