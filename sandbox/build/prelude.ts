// Builds the sandbox worker's prelude (test harness + platform modules) into
// one classic script with native esbuild. Used by the Vite plugin at site
// build time and by the Node tests.

import { build } from "esbuild";
import { fileURLToPath } from "node:url";

const entry = fileURLToPath(new URL("../runner/worker-main.ts", import.meta.url));

/**
 * buildPrelude bundles the prelude; `entry` names another worker-main.ts
 * (the runner bench compares another checkout's).
 */
export async function buildPrelude(options: { minify?: boolean; entry?: string } = {}): Promise<string> {
  const result = await build({
    entryPoints: [options.entry ?? entry],
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
