// Entry of the sandbox worker ("the prelude"). Every Run gets a fresh classic
// Worker running this prelude; it then receives the Run's script (compiled
// bundle + start call) and the Run's secret in a "load" message and runs the
// script as its own, or it loaded the bundle ahead ("stage") and the "load"
// message only starts the harness. Everything the harness needs from the global scope is
// captured here, and the built-ins and assertion machinery are locked, before
// learner code runs, so code that replaces console, Promise or setTimeout, or
// patches a matcher, still gets a true result back to the page. The secret
// stays in this module's closure: the host ignores any message without it.

import { setSafeTimers } from "@vitest/utils/timers";
import { PLATFORM_GLOBAL } from "../modules";
import type {
  ExplorerRequest,
  LessonTests,
  RunResult,
  StartConfig,
  TestFailure,
  Trace,
  WorkerMessage,
} from "../protocol";
import { setTraceListener } from "../go/internal/trace";
import { setLocationResolver } from "../go/internal/location";
import { setReplayOutputHider } from "../go/internal/replay";
import { serveExplorer } from "./explorer";
import { ConsoleCapture } from "./console-capture";
import { lockAssertions } from "./expect";
import { toFailure } from "./failure";
import { TimerWatch, type TimerScope } from "./late-errors";
import { lockIntrinsics } from "./lockdown";
import { platformModules } from "./platform-modules";
import { StackMapper } from "./stack-mapper";
import { runTestFiles } from "./test-runner";
import { renderValue, reportable, unhandledText } from "./thrown";
import { MAX_MESSAGE_CHARS, capText } from "../output-limits";
import { platformText } from "../platform-text";

interface SandboxScope {
  postMessage(message: WorkerMessage): void;
  addEventListener(type: string, listener: (event: never) => void): void;
  console: Console;
  __testFiles?: Record<string, () => Promise<unknown>>;
  __lessonTests?: LessonTests;
  __explorerHandler?: () => Promise<unknown>;
  __sandboxStart?: (config: StartConfig) => void;
  importScripts?: (...urls: string[]) => void;
  [key: string]: unknown;
}

const scope = globalThis as unknown as SandboxScope;
const post = scope.postMessage.bind(scope);
hidePostMessage(scope);
const listen = scope.addEventListener.bind(scope);
const clock = performance.now.bind(performance);
const setTimer = setTimeout;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimer(resolve, ms));
const createObjectURL = URL.createObjectURL.bind(URL);
const revokeObjectURL = URL.revokeObjectURL.bind(URL);
const BlobCtor = Blob;
const importScripts = scope.importScripts?.bind(scope);
const MAX_TRACES = 30;

// The runner's own timeouts use the timers captured here, not learner replacements.
setSafeTimers();
const timers = new TimerWatch(clock);
timers.install(scope as unknown as TimerScope);
scope[PLATFORM_GLOBAL] = platformModules;
const capture = new ConsoleCapture();
capture.install(scope);
lockAssertions();
lockIntrinsics(scope);

/**
 * Only the runner posts to the page: learner code that calls postMessage
 * itself (a flood that would keep the frame too busy to answer pings, or a
 * fake result) finds none, on the scope or its prototypes.
 */
function hidePostMessage(target: object): void {
  for (let o: object | null = target; o; o = Object.getPrototypeOf(o) as object | null) {
    if (!Object.hasOwn(o, "postMessage")) continue;
    try {
      Object.defineProperty(o, "postMessage", { value: undefined, writable: false, configurable: false });
    } catch {
      // A non-configurable postMessage stays; the frame still filters what it relays.
    }
  }
}

/** The Run this worker serves, from its "load" message. */
let run: { runId: number; secret: string } | undefined;
/** The blob URL the bundle was loaded from: its frames are the ones the source map maps. */
let bundleUrl = "";
/** A bundle loaded ahead of its Run ("stage"), and what went wrong loading it. */
let staged: { error?: unknown } | undefined;
let started = false;
let resultSent = false;

function send(result: RunResult): void {
  if (!run || resultSent) return;
  resultSent = true;
  let json: string;
  try {
    json = JSON.stringify(result);
  } catch (error) {
    // A result that cannot be written (e.g. a learner value in a trace) still ends the Run.
    json = JSON.stringify({ kind: "crash", ...platformText("resultUnsendable", { error: renderValue(error) }) });
  }
  post({ type: "result", runId: run.runId, secret: run.secret, result: json });
}

/** Takes a global the bundle set for the runner and removes it before learner code runs. */
function take<K extends keyof SandboxScope>(key: K): SandboxScope[K] {
  const value = scope[key];
  delete scope[key];
  return value;
}

async function start(config: StartConfig): Promise<void> {
  const begun = clock();
  const files = take("__testFiles") ?? {};
  const lessonTests = take("__lessonTests") ?? {};
  delete scope[PLATFORM_GLOBAL];
  const mapper = new StackMapper(config.map, bundleUrl);
  if (bundleUrl) revokeObjectURL(bundleUrl);
  const traces: Trace[] = [];
  const unhandled: TestFailure[] = [];
  let currentTest = "";
  setLocationResolver((stack) => {
    const frame = mapper.first(stack);
    return frame ? `${frame.file}:${frame.line}` : undefined;
  });
  setReplayOutputHider((fn) => capture.muting(fn));
  setTraceListener((trace) => {
    if (traces.length < MAX_TRACES) traces.push({ ...trace, label: currentTest || trace.label });
  });
  const onUnhandled = (error: unknown) => {
    const failure = toFailure(reportable(error), mapper);
    const { message, platform } = unhandledText(failure);
    unhandled.push({ ...failure, message: capText(message, MAX_MESSAGE_CHARS), platform });
  };
  listen("unhandledrejection", (event: PromiseRejectionEvent) => {
    event.preventDefault();
    onUnhandled(event.reason);
  });
  listen("error", (event: ErrorEvent) => {
    event.preventDefault();
    onUnhandled(event.error ?? event.message);
  });

  let result: RunResult;
  try {
    const summary = await runTestFiles({
      files,
      lessonTests,
      capture,
      mapper,
      testTimeoutMs: config.testTimeoutMs,
      traces,
      onTestStart: (name, path) => {
        currentTest = name;
        // Cheap, and lets the host name the test a timeout or a crash cut short.
        if (run) post({ type: "progress", runId: run.runId, secret: run.secret, test: path });
      },
    });
    // Errors and rejections after the last test fail the Run too, as in Node's vitest.
    await timers.settle(sleep);
    result = {
      kind: "tests",
      tasks: summary.tasks,
      learnerTests: summary.learnerTests,
      passed: summary.passed,
      failed: summary.failed + unhandled.length,
      complete: summary.complete && unhandled.length === 0,
      loadErrors: [...summary.loadErrors, ...unhandled],
      traces,
      durationMs: clock() - begun,
      explorer: typeof scope.__explorerHandler === "function",
    };
  } catch (error) {
    result = { kind: "crash", ...platformText("harnessFailed", { error: renderValue(error) }) };
  }
  send(result);
  if (result.kind === "tests" && result.explorer) {
    const handler = scope.__explorerHandler!;
    listen("message", (event: MessageEvent) => {
      const data = event.data as { type?: string; requestId?: number; request?: ExplorerRequest };
      if (data?.type !== "explore" || typeof data.requestId !== "number" || !data.request || !run) return;
      const { runId, secret } = run;
      const requestId = data.requestId;
      void serveExplorer(handler, data.request).then((response) =>
        post({ type: "explorer-response", runId, secret, requestId, response }),
      );
    });
  }
}

// Called once by the Run's script, after the bundle; later calls (from learner code) do nothing.
scope.__sandboxStart = (config) => {
  delete scope.__sandboxStart;
  if (started || !run) return;
  started = true;
  void start(config);
};

/**
 * Runs a script as the worker's own: the Run's (bundle + start call), or a
 * staged bundle alone. Throws what loading threw.
 */
function loadScript(code: string): void {
  bundleUrl = createObjectURL(new BlobCtor([code], { type: "text/javascript" }));
  importScripts!(bundleUrl);
}

function loadFailed(error: unknown): void {
  send({ kind: "crash", ...platformText("bundleLoadFailed", { error: renderValue(error) }) });
}

// The worker may start before its Run is known (the sandbox keeps one spare
// with the prelude already parsed), and may load the Run's bundle before it
// too ("stage"): a bundle's top level only defines its modules, so no learner
// code runs until the Run starts the harness, which then has the secret.
listen("message", (event: MessageEvent) => {
  // Any shape may arrive; see LoadMessage (sandbox/protocol.ts) for the ones that count.
  const data = event.data as Partial<{ type: string; runId: number; secret: string; code: string; start: StartConfig }>;
  if (run || started || typeof data !== "object" || data === null) return;
  if (data.type === "stage") {
    if (staged || typeof data.code !== "string") return;
    staged = {};
    try {
      loadScript(data.code);
    } catch (error) {
      staged.error = error;
    }
    return;
  }
  if (data.type !== "load" || typeof data.secret !== "string") return;
  const runId = typeof data.runId === "number" ? data.runId : 0;
  if (typeof data.code === "string" && !staged) {
    run = { runId, secret: data.secret };
    try {
      loadScript(data.code);
    } catch (error) {
      loadFailed(error);
    }
  } else if (staged && typeof data.start === "object" && data.start !== null) {
    run = { runId, secret: data.secret };
    if (staged.error !== undefined) return loadFailed(staged.error);
    delete scope.__sandboxStart;
    started = true;
    void start({ ...data.start, runId });
  }
});
