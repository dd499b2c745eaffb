// Grades assembled exercise variants with the browser's own grader: each is
// compiled with esbuild and run in a fresh worker on the sandbox prelude, as a
// learner's Run is (sandbox/tests/node-sandbox.ts), `concurrency` at a time.
// check-lessons.mjs bundles this file with esbuild and calls gradeAll().

import { runExercise } from "../../sandbox/tests/node-sandbox";
import type { RunResult } from "../../sandbox/protocol";

export interface GradeJob {
  /** Any label; handed back with the grade. */
  key: string;
  files: Record<string, string>;
  testFiles: string[];
  timeoutMs: number;
}

export interface Grade {
  key: string;
  /** The runner's verdict: every lesson test ran and passed. */
  complete: boolean;
  /** Lesson tests that passed and that did not. */
  passed: number;
  failed: number;
  /** Why the Run did not complete, one line each: failed tests, load errors, timeout, crash, compile errors. */
  problems: string[];
  /** Every failure message of a lesson test or task, whole, as the page shows (and translates) it. */
  failures: { test: string; message: string; platform?: unknown }[];
}

const firstLine = (s: string) => s.split("\n")[0]!.slice(0, 200);

function grade(key: string, result: RunResult): Grade {
  if (result.kind !== "tests") {
    const why =
      result.kind === "compile-error"
        ? result.errors.map((e) => `compile error: ${e.file}:${e.line}:${e.column}: ${firstLine(e.message)}`)
        : result.kind === "timeout"
          ? [`timed out after ${result.timeoutMs} ms${result.test ? ` in "${result.test}"` : ""}`]
          : result.kind === "crash"
            ? [`crashed: ${firstLine(result.message)}`]
            : ["cancelled"];
    return { key, complete: false, passed: 0, failed: 0, problems: why, failures: [] };
  }
  const problems = [
    ...result.loadErrors.map((e) => `load error: ${firstLine(e.message)}`),
    ...result.tasks.flatMap((task) => [
      ...(task.failure ? [`${task.title}: ${firstLine(task.failure.message)}`] : []),
      ...task.tests
        .filter((t) => t.state !== "pass")
        .map((t) => `${task.title} > ${t.name}: ${t.failure ? firstLine(t.failure.message) : t.state}`),
    ]),
  ];
  const failures = result.tasks.flatMap((task) => [
    ...(task.failure ? [{ test: task.title, message: task.failure.message, platform: task.failure.platform }] : []),
    ...task.tests.flatMap((t) =>
      t.failure
        ? [{ test: `${task.title} > ${t.name}`, message: t.failure.message, platform: t.failure.platform }]
        : [],
    ),
  ]);
  return { key, complete: result.complete, passed: result.passed, failed: result.failed, problems, failures };
}

/** Runs every job, at most `concurrency` at once; calls onGrade as each ends. */
export async function gradeAll(
  jobs: GradeJob[],
  concurrency: number,
  onGrade: (g: Grade) => void = () => {},
): Promise<Grade[]> {
  const grades: Grade[] = [];
  let next = 0;
  const lane = async () => {
    while (next < jobs.length) {
      const job = jobs[next++]!;
      const run = await runExercise({ files: job.files, testFiles: job.testFiles }, job.timeoutMs);
      try {
        const g = grade(job.key, run.result);
        grades.push(g);
        onGrade(g);
      } finally {
        await run.stop();
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, lane));
  return grades;
}
