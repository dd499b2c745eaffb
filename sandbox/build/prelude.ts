// Builds the sandbox worker's prelude (test harness + platform modules) into
// one classic script with native esbuild. Used by the Vite plugin at site
// build time and by the Node tests.

import { build } from "esbuild";
import { fileURLToPath } from "node:url";

const entry = fileURLToPath(new URL("../runner/worker-main.ts", import.meta.url));

export async function buildPrelude(options: { minify?: boolean } = {}): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: "iife",
    target: "es2022",
    platform: "browser",
    minify: options.minify ?? true,
    legalComments: "none",
    define: { "process.env.NODE_ENV": '"production"' },
    logLevel: "silent",
  });
  return result.outputFiles[0]!.text;
}
