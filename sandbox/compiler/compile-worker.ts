// The page's compile worker: one per page, running esbuild-wasm. It starts
// initialising when asked to warm up (the exercise became visible) and runs
// one throw-away build so the first real Run does not pay for JIT warm-up.

import * as esbuild from "esbuild-wasm";
import wasmURL from "esbuild-wasm/esbuild.wasm?url";
import { OFFLINE_ASSET_CACHE } from "../protocol";
import { platformText, type PlatformText } from "../platform-text";
import { IncrementalCompiler, compile, type CompileRequest, type CompileResult } from "./compile";

/** `key` names the exercise: each keeps its own incremental esbuild context. */
export type CompilerRequest =
  { type: "warm-up" } | { type: "compile"; id: number; key: string; request: CompileRequest };
export type CompilerReply =
  | { type: "ready"; ms: number }
  | { type: "compiled"; id: number; result: CompileResult }
  | { type: "failed"; message: string; platform: PlatformText };

let initialised: Promise<void> | undefined;
const compilers = new Map<string, IncrementalCompiler>();

function init(): Promise<void> {
  initialised ??= (async () => {
    await esbuild.initialize({ wasmURL, worker: false });
    void keepForOffline(wasmURL);
    await compile(esbuild, {
      files: {
        "warm.ts": "export const f = async (x: number): Promise<number> => x * 2;",
        "warm.test.ts": 'import { f } from "./warm"; void f(1);',
      },
      testFiles: ["warm.test.ts"],
    });
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

const post = (reply: CompilerReply) => self.postMessage(reply);

self.onmessage = async (event: MessageEvent<CompilerRequest>) => {
  const message = event.data;
  try {
    if (message.type === "warm-up") {
      const started = performance.now();
      await init();
      post({ type: "ready", ms: performance.now() - started });
    } else if (message.type === "compile") {
      await init();
      let compiler = compilers.get(message.key);
      if (!compiler) compilers.set(message.key, (compiler = new IncrementalCompiler(esbuild)));
      post({ type: "compiled", id: message.id, result: await compiler.compile(message.request) });
    }
  } catch (error) {
    post({
      type: "failed",
      ...platformText("compilerFailed", { error: error instanceof Error ? error.message : String(error) }),
    });
  }
};
