// Test helper: runs a compiled exercise in a Node worker thread the way the
// browser sandbox does (same prelude, Run script handed over in a "load"
// message and run with importScripts), so the harness is testable in Node.
// Not part of the site.

import * as esbuild from "esbuild";
import { randomUUID } from "node:crypto";
import { Worker } from "node:worker_threads";
import { collectLessonTests } from "../../src/lib/lesson-tests";
import { buildPrelude } from "../build/prelude";
import { compile, type CompileRequest } from "../compiler/compile";
import { sandboxScript } from "../host/sandbox-script";
import type { ExplorerRequest, RunResult, WorkerMessage } from "../protocol";
import { readRunResult } from "../protocol-check";
import { platformText } from "../platform-text";

let preludePromise: Promise<string> | undefined;
export function prelude(): Promise<string> {
  return (preludePromise ??= buildPrelude({ minify: false }));
}

/** What the bootstrap posts once the prelude has run (not a WorkerMessage: the host side drops it). */
const READY = "node-sandbox: prelude ready";

const BOOTSTRAP = `
const { parentPort, workerData } = require("node:worker_threads");
const vm = require("node:vm");
globalThis.self = globalThis;
globalThis.postMessage = (m) => parentPort.postMessage(m);
globalThis.addEventListener = (type, fn) => {
  if (type === "message") parentPort.on("message", (data) => fn({ data }));
  if (type === "unhandledrejection") process.on("unhandledRejection", (reason) => fn({ reason, preventDefault() {} }));
  if (type === "error") process.on("uncaughtException", (error) => fn({ error, message: String(error), preventDefault() {} }));
};
// The browser worker's importScripts(blob URL), with the blob's text kept at hand.
const scripts = new Map();
const NodeBlob = globalThis.Blob;
globalThis.Blob = class extends NodeBlob {
  constructor(parts, options) {
    super(parts, options);
    this.text_ = parts.join("");
  }
};
URL.createObjectURL = (blob) => {
  const url = "blob:nodejs/" + require("node:crypto").randomUUID();
  scripts.set(url, blob.text_);
  return url;
};
globalThis.importScripts = (url) => vm.runInThisContext(scripts.get(url), { filename: url });
// Browsers keep a worker alive; Node needs a ref'd handle (the runner unrefs its timers).
setInterval(() => {}, 1 << 30);
vm.runInThisContext(workerData.prelude, { filename: "prelude.js" });
parentPort.postMessage(${JSON.stringify(READY)});
`;

export interface NodeRun {
  result: RunResult;
  /** Every message the worker posted, forged ones included. */
  messages: WorkerMessage[];
  explore(request: ExplorerRequest): Promise<WorkerMessage>;
  stop(): Promise<void>;
}

/** A sandbox worker that has run the prelude, as the sandbox frame keeps one spare. */
export interface SpareWorker {
  worker: Worker;
  /** Resolves once the prelude has run (the worker then waits for its Run). */
  ready: Promise<void>;
}

/** Starts a worker on the prelude (`code`, the test build's by default). */
export async function startWorker(code?: string): Promise<SpareWorker> {
  const worker = new Worker(BOOTSTRAP, {
    eval: true,
    workerData: { prelude: code ?? (await prelude()) },
    stdout: true,
    stderr: true,
  });
  const ready = new Promise<void>((resolve) => {
    const onReady = (message: unknown) => {
      if (message !== READY) return;
      worker.off("message", onReady);
      resolve();
    };
    worker.on("message", onReady);
  });
  return { worker, ready };
}

/**
 * Compiles `request` and runs it; `timeoutMs` is the wall-clock limit. The
 * lesson's test list is collected from the test files, as the build does,
 * unless the request has one.
 */
export async function runExercise(request: CompileRequest, timeoutMs = 5000): Promise<NodeRun> {
  const lessonTests =
    request.lessonTests ??
    collectLessonTests(Object.fromEntries(request.testFiles.map((name) => [name, request.files[name] ?? ""])));
  const compiled = await compile(esbuild, { ...request, lessonTests });
  if (!compiled.ok) {
    return {
      result: { kind: "compile-error", errors: compiled.errors },
      messages: [],
      explore: () => Promise.reject(new Error("no run")),
      stop: async () => {},
    };
  }
  const code = sandboxScript({ runId: 1, bundle: compiled.code, map: compiled.map, timeoutMs });
  return runScript((await startWorker()).worker, code, timeoutMs);
}

/**
 * Hands a Run's script (sandboxScript's output, runId 1) to `worker` as the
 * sandbox frame does, and resolves when the runner's result arrives or
 * `timeoutMs` passes.
 */
export async function runScript(worker: Worker, code: string, timeoutMs: number): Promise<NodeRun> {
  // As the sandbox iframe does: hand the Run's script to the worker.
  const secret = randomUUID();
  worker.postMessage({ type: "load", runId: 1, secret, code });
  let settled = false;
  const messages: WorkerMessage[] = [];
  worker.on("message", (message: WorkerMessage) => {
    if ((message as unknown) !== READY) messages.push(message);
  });
  const result = await new Promise<RunResult>((resolve) => {
    const timer = setTimeout(() => {
      void worker.terminate();
      resolve({ kind: "timeout", timeoutMs });
    }, timeoutMs);
    worker.on("message", (message: WorkerMessage) => {
      // As the host does: only the runner's message (with the secret) counts, and only the first.
      if (message?.type !== "result" || message.secret !== secret || settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(readRunResult(message.result) ?? { kind: "crash", ...platformText("resultWrongShape") });
    });
    worker.on("error", (error) => {
      clearTimeout(timer);
      resolve({ kind: "crash", ...platformText("harnessFailed", { error: error.message }) });
    });
  });
  let nextId = 1;
  return {
    result,
    messages,
    explore(explorerRequest) {
      const requestId = nextId++;
      return new Promise((resolve) => {
        const onMessage = (message: WorkerMessage) => {
          if (message.type === "explorer-response" && message.requestId === requestId) {
            worker.off("message", onMessage);
            resolve(message);
          }
        };
        worker.on("message", onMessage);
        worker.postMessage({ type: "explore", runId: 1, requestId, request: explorerRequest });
      });
    },
    async stop() {
      await worker.terminate();
    },
  };
}
