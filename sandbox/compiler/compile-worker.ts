// The page's compile worker: one per page, running esbuild-wasm. It starts
// initialising when asked to warm up (the learner touched the exercise), or
// when a file it has not seen must be compiled. The
// island sends the exercise as it opens with the files the build compiled
// already (tests, starter, solution): a Run of those links at once, without
// waiting for esbuild-wasm to start; only a file the learner changed waits.

import * as esbuild from "esbuild-wasm";
import wasmURL from "esbuild-wasm/esbuild.wasm?url";
import { OFFLINE_ASSET_CACHE } from "../protocol";
import { platformText, type PlatformText } from "../platform-text";
import { IncrementalCompiler, type CompileRequest, type CompileResult, type SeedFile } from "./compile";
import { transformOptions, type TransformLike } from "./transform";

/**
 * "prepare" compiles an exercise ahead of a Run (as it opens, with the files
 * the build compiled as `seeds`, and as the learner pauses in typing);
 * nothing is posted back but "ready".
 */
export type CompilerRequest =
  | { type: "warm-up" }
  | { type: "prepare"; request: CompileRequest; seeds?: SeedFile[] }
  | { type: "compile"; id: number; request: CompileRequest };
export type CompilerReply =
  | { type: "ready"; ms: number }
  /** A compile waits for esbuild-wasm to start, until "started" (or "failed"). */
  | { type: "starting" }
  | { type: "started" }
  | { type: "compiled"; id: number; result: CompileResult }
  | { type: "failed"; message: string; platform: PlatformText };

let initialised: Promise<void> | undefined;
/** esbuild-wasm has started (or failed to): a transform no longer waits for it. */
let started = false;
/** A compile waits for esbuild-wasm and the page was told ("starting"); "started" ends it. */
let waiting = false;
/** esbuild, started on first use: files found in the cache never wait for it. */
const lazyEsbuild: TransformLike = {
  transform: async (input, options) => {
    // The page says so instead of "Running…": the first start can take seconds on a slow device.
    if (!started && !waiting) {
      waiting = true;
      post({ type: "starting" });
    }
    await init();
    return esbuild.transform(input, options);
  },
};
/** One compiler for the page: compiled files are kept by name and text, whichever exercise sent them. */
const compiler = new IncrementalCompiler(lazyEsbuild);
/** The exercises being prepared: "ready" waits for them, so the editor's language worker does not compete. */
const preparing = new Set<Promise<unknown>>();

/** Why esbuild-wasm could not start, once it failed: the page hears it as a platform failure. */
let startError: unknown;
/** A learner file of the exercise last prepared: what the first edit will look like. */
let sample: { name: string; text: string } | undefined;

function init(): Promise<void> {
  initialised ??= (async () => {
    try {
      await esbuild.initialize({ wasmURL, worker: false });
    } catch (error) {
      startError = error;
      throw error;
    } finally {
      started = true;
      if (waiting) post({ type: "started" });
    }
    void keepForOffline(wasmURL);
  })();
  return initialised;
}

/**
 * Puts esbuild.wasm in the offline asset cache, where the service worker
 * finds it next time (on a first visit this worker starts before the service
 * worker controls the page). The HTTP cache usually answers the fetch. Where
 * there is no Cache Storage (plain http) there is no offline mode either.
 */
async function keepForOffline(url: string): Promise<void> {
  try {
    if (!("caches" in self)) return;
    const cache = await caches.open(OFFLINE_ASSET_CACHE);
    const absolute = new URL(url, self.location.href).href;
    if (!(await cache.match(absolute))) await cache.add(absolute);
  } catch {
    // Offline support is best effort; compiling does not depend on it.
  }
}

/**
 * Compiles a learner file once, its output thrown away: the browser compiles
 * WebAssembly functions on their first call, so esbuild's first transform
 * takes ~0.1-0.3 s more than the next. Paid here, in the warm-up, the learner's
 * first edit compiles as fast as the later ones.
 */
async function warmTransform(): Promise<void> {
  const file = sample ?? {
    name: "warm-up.ts",
    text: "export async function f(x: number): Promise<string> { return `${x}`; }\n",
  };
  try {
    await esbuild.transform(`${file.text}\n`, transformOptions(file.name));
  } catch {
    // A file that does not compile warmed esbuild up all the same.
  }
}

const post = (reply: CompilerReply) => self.postMessage(reply);

self.onmessage = async (event: MessageEvent<CompilerRequest>) => {
  const message = event.data;
  try {
    if (message.type === "warm-up") {
      const started = performance.now();
      await init();
      await warmTransform();
      // A "prepare" sent while esbuild was starting has been registered by now.
      await Promise.all(preparing);
      post({ type: "ready", ms: performance.now() - started });
    } else if (message.type === "prepare") {
      if (message.seeds) compiler.seed(message.seeds);
      const tests = new Set(message.request.testFiles);
      const learner = Object.entries(message.request.files).find(([name]) => !tests.has(name));
      if (learner) sample = { name: learner[0], text: learner[1] };
      const done = compiler.compile(message.request);
      preparing.add(done);
      await done.finally(() => preparing.delete(done));
    } else if (message.type === "compile") {
      const result = await compiler.compile(message.request);
      // A file that needed esbuild got its start failure as a diagnostic; it is the platform's.
      if (!result.ok && startError !== undefined) throw startError;
      post({ type: "compiled", id: message.id, result });
    }
  } catch (error) {
    post({
      type: "failed",
      ...platformText("compilerFailed", { error: error instanceof Error ? error.message : String(error) }),
    });
  }
};
