// The instructor invariant. For every exercise:
//   - the reference solution passes all its tests; the starter fails one;
//   - every variants/wrong-* (a realistic mistake) fails a test, and every
//     variants/right-* (another valid style) passes them all; at least
//     MIN_WRONG and MIN_RIGHT of each;
//   - every variant type-checks as the learner's editor sees it;
//   - every expect() in the tests carries a message for the learner;
//   - every ```go block in the lesson text parses, and complete programs vet;
//   - every lesson has a quiz whose Go programs print what the quiz says;
//   - every failure message grading produced reads as Chinese on the Chinese
//     page (scripts/lessons/message-coverage.ts).
// Every variant is graded by the browser's own grader (the sandbox prelude in
// a worker, scripts/lessons/sandbox-grade.ts), two or more at a time; the
// solution and the starter also run unchanged in Node's vitest, so the tests
// stay plain vitest tests and both graders agree on them. Copies live under
// .tmp/lessons/<variant>/<module>__<lesson>/.
//
//   node scripts/check-lessons.mjs [filter] [--verbose]
//
// `filter` keeps the lessons whose "<module>/<lesson>" contains it.

import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { bundleSandboxScripts } from "./sandbox-scripts.mjs";
import { MIN_RIGHT, MIN_WRONG, assemble, findExercises, readVariants } from "./lessons/exercises.mjs";
import { run, vetAndRun } from "./lessons/go-batch.mjs";
import { goBlockPrograms, haveGo } from "./lessons/go-blocks.mjs";
import { quizPrograms } from "./lessons/quiz.mjs";
import { checkTestMessages } from "./lessons/test-messages.mjs";

const root = path.resolve(import.meta.dirname, "..");
const args = process.argv.slice(2);
const verbose = args.includes("--verbose");
const filter = args.find((a) => !a.startsWith("--")) ?? "";
const out = path.join(root, ".tmp", "lessons");
fs.rmSync(out, { recursive: true, force: true });

/** The variants that also run in Node's vitest; the rest run only in the sandbox. */
const NODE_VITEST = new Set(["solution", "starter"]);
/** Wall-clock limit of one sandbox Run here: generous, as two or more run at once on a loaded CI machine. */
const SANDBOX_TIMEOUT_MS = 15_000;

/** Prints how long a step took since `start` (performance.now()): CI time is a budget. */
function lap(step, start) {
  console.log(`check-lessons: ${step} took ${((performance.now() - start) / 1000).toFixed(1)} s`);
}

const problems = [];
const rel = (p) => path.relative(root, p);

const exercises = findExercises(path.join(root, "content"), filter).map(({ id, dir }) => {
  const slug = id.replace(/\//g, "__");
  const { starter, variants, problems: found } = readVariants(dir);
  problems.push(...found.map(rel));
  for (const v of variants) assemble(path.join(out, v.name, slug), starter, v, path.join(dir, "tests"));
  for (const [kind, min] of [
    ["wrong", MIN_WRONG],
    ["right", MIN_RIGHT],
  ]) {
    const n = variants.filter((v) => v.kind === kind).length;
    if (n < min) problems.push(`content/${id}/variants: ${n} ${kind}-* variant(s), at least ${min} needed`);
  }
  for (const name of fs.readdirSync(path.join(dir, "tests"))) {
    if (name.endsWith(".ts")) problems.push(...checkTestMessages(path.join(dir, "tests", name)).map(rel));
  }
  return { id, dir, slug, variants };
});
if (exercises.length === 0) {
  console.error(`check-lessons: no exercise matches "${filter}"`);
  process.exit(1);
}

// Go examples in the lesson text, and the quiz: gofmt here, then every
// program vetted (and the quiz's run) in one batch, while tsc type-checks
// every variant as the learner sees it.
const goStart = performance.now();
const go = haveGo();
const programs = [];
for (const { id, dir, slug } of exercises) {
  const mdx = path.join(dir, "index.mdx");
  const scratch = path.join(out, "gofmt", id);
  if (go) {
    const blocks = goBlockPrograms(mdx, path.join(scratch, "text"), `${slug}-`);
    problems.push(...blocks.problems);
    programs.push(...blocks.programs);
  }
  const quiz = quizPrograms(mdx, path.join(scratch, "quiz"), `${slug}-`);
  problems.push(...quiz.problems);
  if (go) programs.push(...quiz.programs);
}
if (!go && process.env.CI) {
  problems.push("go: not found; scripts/test.sh installs Debian's golang-go (bash scripts/ensure-go.sh)");
} else if (!go) {
  console.warn("! go not found: Go blocks in lesson text not checked (bash scripts/ensure-go.sh installs it)");
}
const goChecked = vetAndRun(path.join(out, "go"), programs).then(({ problems: vetted, runs }) => {
  problems.push(...vetted);
  for (const p of programs) {
    const wrong = p.check && runs.has(p.name) ? p.check(runs.get(p.name)) : "";
    if (wrong) problems.push(wrong);
  }
  lap(`Go: gofmt, ${programs.length} programs vetted, ${runs.size} run`, goStart);
});

const tscStart = performance.now();
const tsc = await run(
  process.execPath,
  [path.join(root, "node_modules/typescript/bin/tsc"), "--noEmit", "-p", "tsconfig.lessons.json"],
  { cwd: root, timeoutMs: 600_000 },
);
lap("type-checking every variant", tscStart);
if (tsc.status !== 0) {
  console.error(tsc.stdout.replaceAll(".tmp/lessons/", "").split("\n").slice(0, 40).join("\n"));
  console.error("check-lessons: exercises have type errors (paths: <variant>/<module>__<lesson>/<file>)");
  process.exit(1);
}
await goChecked;

// Node's vitest runs the solutions and starters; meanwhile the sandbox grades every variant.
const report = path.join(out, "report.json");
const vitest = new Promise((resolve) => {
  const child = spawn(
    process.execPath,
    [
      path.join(root, "node_modules/vitest/vitest.mjs"),
      "run",
      "--config",
      "vitest.lessons.config.ts",
      "--reporter=json",
      `--outputFile=${report}`,
    ],
    { cwd: root, stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  child.on("close", () => resolve(output));
});
const gradeStart = performance.now();
const grades = await gradeInSandbox(exercises);
const vitestOutput = await vitest;
lap("grading (sandbox and Node's vitest at once)", gradeStart);
if (!fs.existsSync(report)) {
  console.error(vitestOutput);
  console.error("check-lessons: vitest produced no report");
  process.exit(1);
}
const results = JSON.parse(fs.readFileSync(report, "utf8")).testResults;

/** Every variant of every exercise, graded in the sandbox: Map "<variant>/<slug>" -> Grade. */
async function gradeInSandbox(list) {
  const bundle = path.join(out, "sandbox-grade.mjs");
  const entries = ["sandbox-grade", "message-coverage"].map((n) => path.join(root, `scripts/lessons/${n}.ts`));
  await bundleSandboxScripts(root, entries, out);
  const { gradeAll } = await import(pathToFileURL(bundle).href);
  const jobs = list.flatMap(({ slug, variants }) =>
    variants.map((v) => {
      const dir = path.join(out, v.name, slug);
      const names = fs.readdirSync(dir).filter((n) => n.endsWith(".ts"));
      return {
        key: `${v.name}/${slug}`,
        files: Object.fromEntries(names.map((n) => [n, fs.readFileSync(path.join(dir, n), "utf8")])),
        testFiles: names.filter((n) => n.endsWith(".test.ts")).sort(),
        timeoutMs: SANDBOX_TIMEOUT_MS,
      };
    }),
  );
  const started = performance.now();
  const concurrency = Math.max(2, os.availableParallelism());
  const graded = await gradeAll(jobs, concurrency);
  const seconds = ((performance.now() - started) / 1000).toFixed(0);
  console.log(`sandbox: graded ${graded.length} variants in ${seconds} s, ${concurrency} at a time`);
  return new Map(graded.map((g) => [g.key, g]));
}

/** How one assembled variant fared: { total, failed: [names], fileErrors: [messages] }. */
function outcome(variant, slug) {
  const prefix = path.join(out, variant, slug) + path.sep;
  const files = results.filter((r) => r.name.startsWith(prefix));
  const tests = files.flatMap((f) => f.assertionResults);
  const failed = tests.filter((t) => t.status !== "passed");
  const fileErrors = files.filter((f) => f.status === "failed" && f.assertionResults.length === 0);
  return {
    total: tests.length,
    failed: failed.map((t) => `${t.fullName}: ${(t.failureMessages[0] ?? "").split("\n")[0]}`),
    fileErrors: fileErrors.map((f) => `${path.basename(f.name)}: ${f.message.split("\n")[0]}`),
  };
}

for (const { id, slug, variants } of exercises) {
  const counts = { wrong: [0, 0], right: [0, 0] };
  let solution = "";
  let starter = "";
  for (const v of variants) {
    const where = v.kind === "solution" || v.kind === "starter" ? v.name : `variants/${v.name}`;
    const sandbox = grades.get(`${v.name}/${slug}`);
    const shouldPass = v.kind === "solution" || v.kind === "right";
    if (sandbox.complete !== shouldPass) {
      problems.push(
        `content/${id}/${where} (${v.reason}) ${sandbox.complete ? "completes the lesson in the sandbox; it must not" : "does not complete the lesson in the sandbox"}`,
      );
      for (const line of sandbox.problems.slice(0, 8)) problems.push(`    - ${line}`);
    }
    if (!NODE_VITEST.has(v.kind)) {
      if (v.kind === "right" && sandbox.complete) counts.right[0]++;
      if (v.kind === "wrong" && !sandbox.complete) counts.wrong[0]++;
      counts[v.kind][1]++;
      if (verbose && !sandbox.complete) console.log(`    ${where}: ${sandbox.problems[0] ?? "incomplete"}`);
      continue;
    }
    // The solution and the starter, in Node's vitest as well.
    const o = outcome(v.name, slug);
    const fails = o.failed.length + o.fileErrors.length;
    const passes = fails === 0 && o.total > 0;
    if (v.kind === "solution") {
      if (!passes) {
        problems.push(
          `content/${id}/solution fails ${fails} of ${o.total} tests in Node's vitest; it must pass them all`,
        );
        for (const line of [...o.failed, ...o.fileErrors]) problems.push(`    - ${line}`);
      }
      solution = `solution passes ${o.total}`;
    } else {
      if (passes) problems.push(`content/${id}/starter passes all ${o.total} tests in Node's vitest; it must fail one`);
      starter = `starter fails ${fails} of ${o.total}`;
    }
  }
  console.log(
    `${id}: ${solution}; ${starter}; wrong ${counts.wrong[0]}/${counts.wrong[1]} rejected; right ${counts.right[0]}/${counts.right[1]} accepted`,
  );
}

// Every failure message above, as the Chinese page shows it.
const { messageCoverage } = await import(pathToFileURL(path.join(out, "message-coverage.mjs")).href);
const failures = ({ slug, variants }) =>
  variants.flatMap((v) => grades.get(`${v.name}/${slug}`).failures.map((f) => ({ variant: v.name, ...f })));
const graded = exercises.map((e) => ({ id: e.id, dir: e.dir, failures: failures(e) }));
problems.push(...messageCoverage(graded, root));
const read = graded.reduce((n, e) => n + e.failures.length, 0);
console.log(`check-lessons: ${read} failure messages read as the Chinese page shows them`);

if (problems.length > 0) {
  const shown = problems.map((p) => p.replaceAll(root + path.sep, ""));
  console.error("\n" + shown.map((p) => (p.startsWith("    ") ? p : `✗ ${p}`)).join("\n"));
  console.error(`check-lessons: ${shown.filter((p) => !p.startsWith("    ")).length} problem(s)`);
  process.exit(1);
}
console.log(`check-lessons: ${exercises.length} exercises OK`);
