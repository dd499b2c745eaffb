// Vite plugin: drops the DOM and WebWorker type libraries from Monaco's
// TypeScript worker (~2.5 MB of .d.ts). The editor uses lib ["esnext"] plus
// sandbox/runner/worker-globals.d.ts, which declares what the sandbox offers.
// It also removes Monaco's fallback `new Worker(new URL("ts.worker.js", ...))`:
// the page's MonacoEnvironment.getWorker always supplies the TypeScript worker
// (src/components/exercise/ts-worker.ts), and the fallback made Vite emit a
// second, never-loaded 4.4 MB copy of it.

import { pathToFileURL } from "node:url";
import type { Plugin } from "vite";

// Node's own import(), not the bundler's: the config runs inside Vite's module runner.
const nodeImport = new Function("url", "return import(url)") as (url: string) => Promise<unknown>;

const LIB_MODULE = /monaco-editor\/esm\/vs\/languages\/features\/typescript\/lib\/lib\.js$/;
const DROPPED = /^lib\.(dom|webworker|scripthost)(\.[a-z]+)*\.d\.ts$/;
const WORKER_MANAGER = /monaco-editor\/esm\/vs\/languages\/features\/typescript\/workerManager\.js$/;
const FALLBACK_WORKER = `new Worker(new URL('ts.worker.js', import.meta.url), { type: "module" })`;

export function monacoLibsPlugin(): Plugin {
  return {
    name: "monaco-ts-libs",
    enforce: "pre",
    async load(id) {
      if (!LIB_MODULE.test(id.split("?")[0]!)) return undefined;
      const file = id.split("?")[0]!;
      const { libFileMap } = (await nodeImport(pathToFileURL(file).href)) as { libFileMap: Record<string, string> };
      const kept = Object.fromEntries(Object.entries(libFileMap).filter(([name]) => !DROPPED.test(name)));
      return `export const libFileMap = ${JSON.stringify(kept)};`;
    },
    transform(code, id) {
      if (!WORKER_MANAGER.test(id.split("?")[0]!)) return undefined;
      // Fails the build when an upgrade changes the line, rather than shipping the copy again.
      if (!code.includes(FALLBACK_WORKER)) this.error(`monaco-ts-libs: the ts.worker fallback is not in ${id}`);
      const replaced = `(() => { throw new Error("MonacoEnvironment.getWorker supplies the TypeScript worker"); })()`;
      return { code: code.replace(FALLBACK_WORKER, replaced), map: null };
    },
  };
}
