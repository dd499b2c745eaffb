// Vite plugin: drops the DOM and WebWorker type libraries from Monaco's
// TypeScript worker (~2.5 MB of .d.ts). The editor uses lib ["esnext"] plus
// sandbox/runner/worker-globals.d.ts, which declares what the sandbox offers.

import { pathToFileURL } from "node:url";
import type { Plugin } from "vite";

// Node's own import(), not the bundler's: the config runs inside Vite's module runner.
const nodeImport = new Function("url", "return import(url)") as (url: string) => Promise<unknown>;

const LIB_MODULE = /monaco-editor\/esm\/vs\/languages\/features\/typescript\/lib\/lib\.js$/;
const DROPPED = /^lib\.(dom|webworker|scripthost)(\.[a-z]+)*\.d\.ts$/;

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
  };
}
