// Bundles the Node scripts that build the sandbox prelude themselves
// (scripts/lessons/sandbox-grade.ts, message-coverage.ts, scripts/bench-runner.ts)
// into `outdir` as .mjs files, ready to import.

import path from "node:path";
import { pathToFileURL } from "node:url";
import * as esbuild from "esbuild";

/** Bundles `entryPoints` (paths) for Node into `outdir`; `root` is the repository root. */
export async function bundleSandboxScripts(root, entryPoints, outdir) {
  await esbuild.build({
    entryPoints,
    bundle: true,
    platform: "node",
    format: "esm",
    packages: "external",
    outdir,
    outExtension: { ".js": ".mjs" },
    logLevel: "warning",
    // The only import.meta.url in the graph locates the runner from the prelude builder.
    define: { "import.meta.url": JSON.stringify(pathToFileURL(path.join(root, "sandbox/build/prelude.ts")).href) },
  });
}
