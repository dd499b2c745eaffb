// Entry of the sandbox worker ("the prelude"). Every Run gets a fresh classic
// Worker running this prelude; it then receives the Run's script (compiled
// bundle + start call) in a "load" message and runs it as its own script.
// Everything the harness needs from the global scope is captured here, before
// learner code runs, so code that replaces console, Promise or setTimeout
// still gets a result back to the page.

import { setSafeTimers } from "@vitest/utils/timers";
import { PLATFORM_GLOBAL } from "../modules";
import type { ExplorerRequest, RunResult, TestFailure, Trace, WorkerMessage } from "../protocol";
import { setTraceListener } from "../go/internal/trace";
import { setLocationResolver } from "../go/internal/location";
import { serveExplorer } from "./explorer";
import { ConsoleCapture } from "./console-capture";
import { platformModules } from "./platform-modules";
import { StackMapper } from "./stack-mapper";
import { runTestFiles } from "./test-runner";
import { MAX_MESSAGE_CHARS, capText } from "../output-limits";

interface StartConfig {
  runId: number;
  map: string;
  testTimeoutMs: number;
}

interface SandboxScope {
  postMessage(message: WorkerMessage): void;
  addEventListener(type: string, listener: (event: never) => void): void;
  console: Console;
  __testFiles?: Record<string, () => Promise<unknown>>;
  __explorerHandler?: () => Promise<unknown>;
  __sandboxStart?: (config: StartConfig) => void;
  /** The URL the Run's script was loaded from (see loadBundle). */
  __bundleUrl?: string;
  importScripts?: (...urls: string[]) => void;
  [key: string]: unknown;
}

const scope = globalThis as unknown as SandboxScope;
const post = scope.postMessage.bind(scope);
hidePostMessage(scope);
const listen = scope.addEventListener.bind(scope);
const clock = performance.now.bind(performance);
const MAX_TRACES = 30;

// The runner's own timeouts use the timers captured here, not learner replacements.
setSafeTimers();
scope[PLATFORM_GLOBAL] = platformModules;
const capture = new ConsoleCapture();
capture.install(scope);

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

function message(error: unknown): string {
  try {
    if (error instanceof Error) return `${error.name === "Error" ? "" : error.name + ": "}${error.message}`;
    return String(error);
  } catch {
    return "unprintable error";
  }
}

async function start(config: StartConfig): Promise<void> {
  const started = clock();
  const mapper = new StackMapper(config.map, scope.__bundleUrl ?? "");
  const traces: Trace[] = [];
  const unhandled: TestFailure[] = [];
  let currentTest = "";
  setLocationResolver((stack) => {
    const frame = mapper.frames(stack)[0];
    return frame ? `${frame.file}:${frame.line}` : undefined;
  });
  setTraceListener((trace) => {
    if (traces.length < MAX_TRACES) traces.push({ ...trace, label: currentTest || trace.label });
  });
  const onUnhandled = (error: unknown) => {
    const stack = error instanceof Error ? error.stack : undefined;
    unhandled.push({
      message: capText(`Unhandled error: ${message(error)}`, MAX_MESSAGE_CHARS),
      location: mapper.locate(stack),
    });
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
    const files = scope.__testFiles ?? {};
    const summary = await runTestFiles({
      files,
      capture,
      mapper,
      testTimeoutMs: config.testTimeoutMs,
      traces,
      onTestStart: (name, path) => {
        currentTest = name;
        // Cheap, and lets the host name the test a timeout or a crash cut short.
        post({ type: "progress", runId: config.runId, test: path });
      },
    });
    const loadErrors = [...summary.loadErrors, ...unhandled];
    result = {
      kind: "tests",
      tasks: summary.tasks,
      passed: summary.passed,
      failed: summary.failed + unhandled.length,
      loadErrors,
      traces,
      durationMs: clock() - started,
      explorer: typeof scope.__explorerHandler === "function",
    };
  } catch (error) {
    result = { kind: "crash", message: `The test harness failed: ${message(error)}` };
  }
  try {
    post({ type: "result", runId: config.runId, result });
  } catch (error) {
    // A result that cannot be cloned (e.g. a learner value in a trace) still ends the Run.
    post({ type: "result", runId: config.runId, result: { kind: "crash", message: message(error) } });
  }
  if (result.kind === "tests" && result.explorer) {
    listen("message", (event: MessageEvent) => {
      const data = event.data as { type?: string; requestId?: number; request?: ExplorerRequest };
      if (data?.type !== "explore" || typeof data.requestId !== "number" || !data.request) return;
      const requestId = data.requestId;
      void serveExplorer(scope.__explorerHandler!, data.request).then((response) =>
        post({ type: "explorer-response", runId: config.runId, requestId, response }),
      );
    });
  }
}

scope.__sandboxStart = (config) => void start(config);

/**
 * Runs the Run's script. The worker may start before its Run is known (the
 * sandbox keeps one spare with the prelude already parsed).
 */
function loadBundle(code: string, runId: number): void {
  try {
    const url = URL.createObjectURL(new Blob([code], { type: "text/javascript" }));
    scope.__bundleUrl = url;
    scope.importScripts!(url);
  } catch (error) {
    post({
      type: "result",
      runId,
      result: { kind: "crash", message: `Loading the compiled code failed: ${message(error)}` },
    });
  }
}

listen("message", (event: MessageEvent) => {
  const data = event.data as { type?: string; code?: string; runId?: number };
  if (data?.type === "load" && typeof data.code === "string" && !scope.__bundleUrl)
    loadBundle(data.code, data.runId ?? 0);
});
