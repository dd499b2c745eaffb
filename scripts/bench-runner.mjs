// Builds scripts/bench-runner.ts with esbuild and runs it: the sandbox side
// of a warm Run (runner, sandbox start) for every lesson with an exercise.
// See that file for the figures and the environment variables.
//
//   npm run bench:runner

import path from "node:path";
import { pathToFileURL } from "node:url";
import * as esbuild from "esbuild";

const root = path.resolve(import.meta.dirname, "..");
const out = path.join(root, ".tmp", "bench-runner");
await esbuild.build({
  entryPoints: [path.join(root, "scripts/bench-runner.ts")],
  bundle: true,
  platform: "node",
  format: "esm",
  packages: "external",
  outdir: out,
  outExtension: { ".js": ".mjs" },
  logLevel: "warning",
  // The only import.meta.url in the graph locates the runner from the prelude builder.
  define: { "import.meta.url": JSON.stringify(pathToFileURL(path.join(root, "sandbox/build/prelude.ts")).href) },
});
const { main } = await import(pathToFileURL(path.join(out, "bench-runner.mjs")).href);
await main(root);
