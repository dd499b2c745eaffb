// The sandbox side of a warm Run, measured in Node for every lesson with an
// exercise: the reference solution, compiled once with native esbuild, runs
// through the browser's own prelude in a fresh worker (a spare started
// beforehand, as the sandbox frame keeps one), RUNS times. Per lesson it
// prints medians of
//   runner  the runner's own durationMs (tests, summary, the wait for late errors)
//   start   the script handed to the worker until its result is back, minus the runner
//   relay   what the frame and the page do with a result (its JSON size, shape check, bounds)
//   cpu     the process's CPU time (user + system) from the script handed over to the result:
//           the worker's, as the main thread waits; steadier than wall time on a busy machine
//   min     the fastest Run's total
// scripts/bench-runner.mjs builds and runs this file:
//
//   npm run bench:runner
//   RUNNER_RUNS=20 RUNNER_LESSONS='^0[12]-' npm run bench:runner
//   RUNNER_PRELUDE_ROOT=.tmp/before npm run bench:runner   (the prelude of another checkout, no compile hint)
//   RUNNER_COMPARE=.tmp/before npm run bench:runner   (that checkout's prelude and this one's, Runs interleaved)
//   RUNNER_BROWSER=1 npm run bench:runner   (in headless Chromium: scripts/bench-runner-browser.ts; no cpu figure)
//   RUNNER_TESTS=1 npm run bench:runner   (also each lesson's five slowest tests)
//   node --cpu-prof --cpu-prof-dir=.tmp/prof scripts/bench-runner.mjs   (profiles, workers included)

import * as esbuild from "esbuild";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { findExercises } from "./lessons/exercises.mjs";
import { collectLessonTests } from "../src/lib/lesson-tests";
import { buildPrelude } from "../sandbox/build/prelude";
import { compile } from "../sandbox/compiler/compile";
import { boundResult } from "../sandbox/host/bound-result";
import { sandboxScript } from "../sandbox/host/sandbox-script";
import { isRunResult } from "../sandbox/protocol-check";
import type { RunResult } from "../sandbox/protocol";
import { runScript, startWorker } from "../sandbox/tests/node-sandbox";
import { BrowserSandbox } from "./bench-runner-browser";

/** One lesson's figures: medians in ms, and what its result holds. */
export interface LessonFigures {
  lesson: string;
  runner: number;
  start: number;
  relay: number;
  total: number;
  cpu: number;
  min: number;
  tests: number;
  traces: number;
  resultKb: number;
  problem?: string;
}

interface Lesson {
  id: string;
  files: Record<string, string>;
  testFiles: string[];
  timeoutMs: number;
  handler?: { file: string; export: string };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

const readTs = (dir: string) =>
  fs.existsSync(dir)
    ? Object.fromEntries(
        fs
          .readdirSync(dir)
          .filter((n) => n.endsWith(".ts"))
          .map((n) => [n, fs.readFileSync(path.join(dir, n), "utf8")]),
      )
    : {};

/** The lesson's solution as the learner's files would hold it, its tests, and its exercise settings. */
function readLesson(id: string, dir: string): Lesson {
  const mdx = fs.readFileSync(path.join(dir, "index.mdx"), "utf8");
  const front = parseYaml(mdx.split(/^---$/m)[1] ?? "") as {
    exercise?: { timeoutMs?: number; handler?: { file: string; export: string } };
  };
  const tests = readTs(path.join(dir, "tests"));
  const lesson: Lesson = {
    id,
    files: { ...readTs(path.join(dir, "starter")), ...readTs(path.join(dir, "solution")), ...tests },
    testFiles: Object.keys(tests)
      .filter((n) => n.endsWith(".test.ts"))
      .sort(),
    timeoutMs: front.exercise?.timeoutMs ?? 5000,
  };
  if (front.exercise?.handler) lesson.handler = front.exercise.handler;
  return lesson;
}

/** What the frame and the page do with a result before showing it: measured, in ms. */
function relay(result: RunResult): number {
  const t0 = performance.now();
  // The frame measures each result as JSON (frame-document.ts); the page checks and bounds it.
  const chars = JSON.stringify({ type: "result", runId: 1, secret: "", result }).length;
  if (chars > 0 && isRunResult(result)) boundResult(result);
  return performance.now() - t0;
}

/** One Run: its result, wall time (script handed over to result back) and the process's CPU time, in ms. */
type RunOnce = (code: string, timeoutMs: number) => Promise<{ result: RunResult; wall: number; cpu: number }>;

/** Runs in a fresh Node worker on `prelude`, started and ready before the Run. */
function nodeRunner(prelude: string): RunOnce {
  return async (code, timeoutMs) => {
    const spare = await startWorker(prelude);
    await spare.ready;
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const run = await runScript(spare.worker, code, timeoutMs);
    const wall = performance.now() - t0;
    const c1 = process.cpuUsage(c0);
    await run.stop();
    return { result: run.result, wall, cpu: (c1.user + c1.system) / 1000 };
  };
}

/** Figures of one lesson for each of `runners`, their Runs interleaved so a busy machine weighs on each alike. */
async function measure(lesson: Lesson, runners: RunOnce[], runs: number): Promise<LessonFigures[]> {
  const lessonTests = collectLessonTests(
    Object.fromEntries(lesson.testFiles.map((name) => [name, lesson.files[name] ?? ""])),
  );
  const compiled = await compile(esbuild, {
    files: lesson.files,
    testFiles: lesson.testFiles,
    handler: lesson.handler,
    lessonTests,
  });
  const blank: LessonFigures = {
    lesson: lesson.id,
    runner: NaN,
    start: NaN,
    relay: NaN,
    total: NaN,
    cpu: NaN,
    min: NaN,
    tests: 0,
    traces: 0,
    resultKb: 0,
  };
  const figures = runners.map(() => ({ ...blank }));
  if (!compiled.ok) return figures.map((f) => ({ ...f, problem: `compile error: ${compiled.errors[0]?.message}` }));
  const code = sandboxScript({ runId: 1, bundle: compiled.code, map: compiled.map, timeoutMs: lesson.timeoutMs });
  const rows = runners.map(() => [] as { runner: number; start: number; relay: number; cpu: number }[]);
  // The first Run of a lesson is not counted: Node compiles the test build's modules on first use.
  for (let i = 0; i <= runs; i++) {
    for (const [k, runOnce] of runners.entries()) {
      const { result, wall, cpu } = await runOnce(code, lesson.timeoutMs);
      const relayed = relay(result);
      if (result.kind !== "tests" || !result.complete) {
        const why = result.kind === "tests" ? `not complete: ${result.failed} failed` : result.kind;
        return figures.map((f) => ({ ...f, problem: `the solution did not complete the lesson (${why})` }));
      }
      if (i === 0) {
        if (process.env.RUNNER_TESTS && k === runners.length - 1) printSlowTests(lesson.id, result);
        figures[k]!.tests = result.passed;
        figures[k]!.traces = result.traces.length;
        figures[k]!.resultKb = JSON.stringify(result).length / 1024;
        continue;
      }
      rows[k]!.push({ runner: result.durationMs, start: wall - result.durationMs, relay: relayed, cpu });
    }
  }
  for (const [k, f] of figures.entries()) {
    const r = rows[k]!;
    f.runner = median(r.map((x) => x.runner));
    f.start = median(r.map((x) => x.start));
    f.relay = median(r.map((x) => x.relay));
    f.total = median(r.map((x) => x.runner + x.start + x.relay));
    f.cpu = median(r.map((x) => x.cpu));
    f.min = Math.min(...r.map((x) => x.runner + x.start + x.relay));
  }
  return figures;
}

/** RUNNER_TESTS=1: a lesson's five slowest tests (the first Run's durations), to see where its runner time goes. */
function printSlowTests(id: string, result: Extract<RunResult, { kind: "tests" }>): void {
  const tests = result.tasks.flatMap((t) => t.tests).sort((a, b) => b.durationMs - a.durationMs);
  const top = tests.slice(0, 5).map((t) => `${t.durationMs.toFixed(0)} ms ${t.name}`);
  console.log(`${id}: ${tests.length} tests, slowest: ${top.join("; ")}`);
}

const load = () =>
  os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(" ");

/** A prelude to measure: built from this checkout, or from another's worker-main.ts. */
interface Variant {
  name: string;
  entry?: string;
  compileHint: boolean;
}

/**
 * Measures every lesson that matches RUNNER_LESSONS; prints a row as each
 * ends. With RUNNER_COMPARE=<checkout> each lesson runs that checkout's
 * prelude ("before", as it was built: no compile hint) and this one's
 * ("after"), their Runs interleaved.
 */
export async function main(root: string): Promise<LessonFigures[][]> {
  const runs = Number(process.env.RUNNER_RUNS ?? 10);
  const only = new RegExp(process.env.RUNNER_LESSONS ?? "");
  const minify = process.env.RUNNER_MINIFY !== "0";
  const other = process.env.RUNNER_COMPARE ?? process.env.RUNNER_PRELUDE_ROOT;
  const otherEntry = other ? path.resolve(other, "sandbox/runner/worker-main.ts") : undefined;
  // Another checkout's prelude is built as it was, without the compile hint, unless RUNNER_HINT=1.
  const otherHint = process.env.RUNNER_HINT === "1";
  const variants: Variant[] = process.env.RUNNER_COMPARE
    ? [
        { name: "before", entry: otherEntry!, compileHint: otherHint },
        { name: "after", compileHint: true },
      ]
    : otherEntry
      ? [{ name: "", entry: otherEntry, compileHint: otherHint }]
      : [{ name: "", compileHint: true }];
  const inBrowser = process.env.RUNNER_BROWSER === "1";
  const browsers: BrowserSandbox[] = [];
  const runners: RunOnce[] = [];
  for (const v of variants) {
    const prelude = await buildPrelude({ minify, compileHint: v.compileHint, ...(v.entry ? { entry: v.entry } : {}) });
    if (!inBrowser) {
      runners.push(nodeRunner(prelude));
      continue;
    }
    const browser = await BrowserSandbox.open(prelude);
    browsers.push(browser);
    runners.push(async (code, timeoutMs) => ({ ...(await browser.run(code, timeoutMs)), cpu: NaN }));
  }
  const lessons = findExercises(path.join(root, "content"))
    .filter(({ id }: { id: string }) => only.test(id))
    .map(({ id, dir }: { id: string; dir: string }) => readLesson(id, dir));
  const described = variants.map(
    (v) =>
      `${v.name ? `${v.name}: ` : ""}${v.entry ? path.relative(root, v.entry) : "this checkout"}${v.compileHint ? " with the compile hint" : ""}`,
  );
  console.log(
    `runner bench: ${lessons.length} lessons, ${runs} Runs each (after one not counted), ${inBrowser ? "headless Chromium" : "Node workers"}, ` +
      `prelude${minify ? " (minified)" : ""} from ${described.join("; ")}; load average ${load()} (${os.cpus().length} cores)`,
  );
  const out: LessonFigures[][] = variants.map(() => []);
  for (const lesson of lessons) {
    const figures = await measure(lesson, runners, runs);
    for (const [k, f] of figures.entries()) {
      out[k]!.push(f);
      const cells = [f.runner, f.start, f.relay, f.total, f.cpu, f.min].map((n) => n.toFixed(1).padStart(7)).join(" ");
      console.log(
        `${f.lesson.padEnd(44)} ${variants[k]!.name.padEnd(6)} ${cells}  ${String(f.tests).padStart(3)} tests ${String(f.traces).padStart(2)} traces ${f.resultKb.toFixed(0).padStart(4)} KB${f.problem ? `  ! ${f.problem}` : ""}`,
      );
    }
  }
  console.log(
    `${"".padEnd(51)}  runner   start   relay   total     cpu     min  (medians but min, ms); load average ${load()}`,
  );
  for (const [k, v] of variants.entries()) {
    const ok = out[k]!.filter((f) => !f.problem);
    console.log(
      `${v.name ? `${v.name}: ` : ""}median over lessons: runner ${median(ok.map((f) => f.runner)).toFixed(1)}, start ${median(ok.map((f) => f.start)).toFixed(1)}, ` +
        `total ${median(ok.map((f) => f.total)).toFixed(1)}, cpu ${median(ok.map((f) => f.cpu)).toFixed(1)}; worst total ${Math.max(...ok.map((f) => f.total)).toFixed(1)} ms`,
    );
  }
  for (const browser of browsers) await browser.close();
  return out;
}
