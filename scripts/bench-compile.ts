// Compile time per lesson, in Node with esbuild-wasm (the browser's compiler,
// without the page): the first compile of each lesson's files in a new
// compiler, and warm compiles, each after an edit to the first learner file,
// as a learner runs. Prints medians and the load average.
//
// From the repository root:
//   npx esbuild scripts/bench-compile.ts --bundle --platform=node --format=esm \
//     --external:esbuild-wasm --log-level=warning | node --input-type=module
//   BENCH_RUNS=20 BENCH_LESSONS='^0[12]-' ...   (warm compiles per lesson; lessons matching a RegExp)

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import * as esbuild from "esbuild-wasm";
import { IncrementalCompiler, type CompileRequest } from "../sandbox/compiler/compile";

const RUNS = Number(process.env.BENCH_RUNS ?? 10);
const only = new RegExp(process.env.BENCH_LESSONS ?? "");
const content = path.resolve("content");

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const load = () =>
  os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(" ");

function readTs(dir: string): Record<string, string> {
  if (!fs.existsSync(dir)) return {};
  const names = fs.readdirSync(dir).filter((n) => /\.tsx?$/.test(n));
  return Object.fromEntries(names.map((n) => [n, fs.readFileSync(path.join(dir, n), "utf8")]));
}

/** Every lesson with tests, as the solution's Run: starter files, the solution over them, the tests. */
function lessons(): { id: string; request: CompileRequest; first: string }[] {
  const out = [];
  for (const mod of fs.readdirSync(content).sort()) {
    if (!fs.statSync(path.join(content, mod)).isDirectory()) continue;
    for (const lesson of fs.readdirSync(path.join(content, mod)).sort()) {
      const dir = path.join(content, mod, lesson);
      const id = `${mod}/${lesson}`;
      if (!fs.existsSync(path.join(dir, "tests")) || !only.test(id)) continue;
      const learner = { ...readTs(path.join(dir, "starter")), ...readTs(path.join(dir, "solution")) };
      const tests = readTs(path.join(dir, "tests"));
      const testFiles = Object.keys(tests).filter((n) => n.endsWith(".test.ts"));
      out.push({ id, request: { files: { ...learner, ...tests }, testFiles }, first: Object.keys(learner).sort()[0]! });
    }
  }
  return out;
}

const started = performance.now();
await esbuild.initialize({});
console.log(`esbuild-wasm ${esbuild.version} initialised in ${(performance.now() - started).toFixed(0)} ms`);
console.log(`load average at start ${load()} (${os.cpus().length} cores); ${RUNS} warm compiles per lesson\n`);
console.log("lesson".padEnd(40) + "first (ms)".padStart(12) + "warm median (ms)".padStart(18));
const firsts: number[] = [];
const warms: number[] = [];
for (const { id, request, first } of lessons()) {
  const compiler = new IncrementalCompiler(esbuild);
  let t = performance.now();
  const result = await compiler.compile(request);
  const firstMs = performance.now() - t;
  if (!result.ok) throw new Error(`${id}: ${JSON.stringify(result.errors)}`);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const files = { ...request.files, [first]: `${request.files[first]}\n// edit ${i}\n` };
    t = performance.now();
    const warm = await compiler.compile({ ...request, files });
    times.push(performance.now() - t);
    if (!warm.ok) throw new Error(`${id}: ${JSON.stringify(warm.errors)}`);
  }
  firsts.push(firstMs);
  warms.push(median(times));
  console.log(id.padEnd(40) + firstMs.toFixed(1).padStart(12) + median(times).toFixed(1).padStart(18));
}
console.log(
  `\nmedian over lessons: first ${median(firsts).toFixed(1)} ms, warm ${median(warms).toFixed(1)} ms; ` +
    `max warm ${Math.max(...warms).toFixed(1)} ms; load average at end ${load()}`,
);
