// Builds scripts/bench-runner.ts with esbuild and runs it: the sandbox side
// of a warm Run (runner, sandbox start) for every lesson with an exercise.
// See that file for the figures and the environment variables.
//
//   npm run bench:runner

import path from "node:path";
import { pathToFileURL } from "node:url";
import { bundleSandboxScripts } from "./sandbox-scripts.mjs";

const root = path.resolve(import.meta.dirname, "..");
const out = path.join(root, ".tmp", "bench-runner");
await bundleSandboxScripts(root, [path.join(root, "scripts/bench-runner.ts")], out);
const { main } = await import(pathToFileURL(path.join(out, "bench-runner.mjs")).href);
await main(root);
