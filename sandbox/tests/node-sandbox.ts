// Test helper: runs a compiled exercise in a Node worker thread with the same
// prelude the browser sandbox uses, so the harness's paths are testable in
// Node. Not part of the site.

import * as esbuild from "esbuild";
import { Worker } from "node:worker_threads";
import { buildPrelude } from "../build/prelude";
import { compile, type CompileRequest } from "../compiler/compile";
import { countLines, sandboxScript } from "../host/sandbox-script";
import type { ExplorerRequest, RunResult, WorkerMessage } from "../protocol";

let preludePromise: Promise<string> | undefined;
export function prelude(): Promise<string> {
  return (preludePromise ??= buildPrelude({ minify: false }));
}

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
// Browsers keep a worker alive; Node needs a ref'd handle (the runner unrefs its timers).
setInterval(() => {}, 1 << 30);
vm.runInThisContext(workerData.script, { filename: "sandbox.js" });
`;

export interface NodeRun {
  result: RunResult;
  explore(request: ExplorerRequest): Promise<WorkerMessage>;
  stop(): Promise<void>;
}

/** Compiles `request` and runs it; `timeoutMs` is the wall-clock limit. */
export async function runExercise(request: CompileRequest, timeoutMs = 5000): Promise<NodeRun> {
  const compiled = await compile(esbuild, request);
  if (!compiled.ok) {
    return {
      result: { kind: "compile-error", errors: compiled.errors },
      explore: () => Promise.reject(new Error("no run")),
      stop: async () => {},
    };
  }
  const pre = await prelude();
  const script =
    pre +
    "\n" +
    sandboxScript({ runId: 1, bundle: compiled.code, map: compiled.map, preludeLines: countLines(pre), timeoutMs });
  const worker = new Worker(BOOTSTRAP, { eval: true, workerData: { script }, stdout: true, stderr: true });
  const result = await new Promise<RunResult>((resolve) => {
    const timer = setTimeout(() => {
      void worker.terminate();
      resolve({ kind: "timeout", timeoutMs });
    }, timeoutMs);
    worker.on("message", (message: WorkerMessage) => {
      if (message.type !== "result") return;
      clearTimeout(timer);
      resolve(message.result);
    });
    worker.on("error", (error) => {
      clearTimeout(timer);
      resolve({ kind: "crash", message: error.message });
    });
  });
  let nextId = 1;
  return {
    result,
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
