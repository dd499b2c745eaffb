// Builds the sandbox worker's prelude (test harness + platform modules) into
// one classic script with native esbuild. Used by the Vite plugin at site
// build time and by the Node tests.

import { build } from "esbuild";
import { fileURLToPath } from "node:url";

const entry = fileURLToPath(new URL("../runner/worker-main.ts", import.meta.url));

/** V8's explicit compile hint, the prelude's first line (see buildPrelude). */
export const COMPILE_HINT = "//# allFunctionsCalledOnLoad";

/**
 * buildPrelude bundles the prelude. `entry` names another worker-main.ts and
 * `compileHint: false` leaves the hint out (the runner bench compares
 * another checkout's prelude as it was built).
 */
export async function buildPrelude(
  options: { minify?: boolean; entry?: string; compileHint?: boolean } = {},
): Promise<string> {
  const result = await build({
    entryPoints: [options.entry ?? entry],
    bundle: true,
    write: false,
    format: "iife",
    target: "es2022",
    platform: "browser",
    minify: options.minify ?? true,
    legalComments: "none",
    // V8's explicit compile hint (Chromium 136+): every function is compiled
    // while the spare worker loads the prelude, not lazily during the Run,
    // when each first call would compile it (~6 ms of a small lesson's Run).
    ...(options.compileHint === false ? {} : { banner: { js: COMPILE_HINT } }),
    define: { "process.env.NODE_ENV": '"production"' },
    logLevel: "silent",
  });
  return result.outputFiles[0]!.text;
}
