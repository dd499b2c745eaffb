// The instructor invariant. For every exercise:
//   - the reference solution passes all its tests; the starter fails one;
//   - every variants/wrong-* (a realistic mistake) fails a test, and every
//     variants/right-* (another valid style) passes them all; at least
//     MIN_WRONG and MIN_RIGHT of each;
//   - every variant type-checks as the learner's editor sees it;
//   - every expect() in the tests carries a message for the learner;
//   - every ```go block in the lesson text parses, and complete programs vet;
//   - every lesson has a quiz whose Go programs print what the quiz says.
// Runs the tests unchanged in Node's vitest against copies under .tmp/lessons/.
//
//   node scripts/check-lessons.mjs [filter] [--verbose]
//
// `filter` keeps the lessons whose "<module>/<lesson>" contains it.

import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { MIN_RIGHT, MIN_WRONG, assemble, findExercises, readVariants } from "./lessons/exercises.mjs";
import { checkGoBlocks, haveGo } from "./lessons/go-blocks.mjs";
import { checkQuiz } from "./lessons/quiz.mjs";
import { checkTestMessages } from "./lessons/test-messages.mjs";

const root = path.resolve(import.meta.dirname, "..");
const args = process.argv.slice(2);
const verbose = args.includes("--verbose");
const filter = args.find((a) => !a.startsWith("--")) ?? "";
const out = path.join(root, ".tmp", "lessons");
fs.rmSync(out, { recursive: true, force: true });

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

// Go examples in the lesson text, and the quiz (its programs run with Go).
const go = haveGo();
for (const { id, dir } of exercises) {
  const mdx = path.join(dir, "index.mdx");
  if (go) problems.push(...checkGoBlocks(mdx, path.join(out, "go", id)).map(rel));
  const quiz = await checkQuiz(mdx, path.join(out, "go", id), { go });
  problems.push(...quiz.map((p) => p.replace(root + path.sep, "")));
}
if (!go && process.env.CI) {
  problems.push("go: not found; scripts/test.sh installs Debian's golang-go (bash scripts/ensure-go.sh)");
} else if (!go) {
  console.warn("! go not found: Go blocks in lesson text not checked (bash scripts/ensure-go.sh installs it)");
}

// Every variant must type-check as the learner sees it.
const tsc = spawnSync(
  process.execPath,
  [path.join(root, "node_modules/typescript/bin/tsc"), "--noEmit", "-p", "tsconfig.lessons.json"],
  {
    cwd: root,
    encoding: "utf8",
  },
);
if (tsc.status !== 0) {
  console.error(tsc.stdout.replaceAll(".tmp/lessons/", "").split("\n").slice(0, 40).join("\n"));
  console.error("check-lessons: exercises have type errors (paths: <variant>/<module>__<lesson>/<file>)");
  process.exit(1);
}

const report = path.join(out, "report.json");
const run = spawnSync(
  process.execPath,
  [
    path.join(root, "node_modules/vitest/vitest.mjs"),
    "run",
    "--config",
    "vitest.lessons.config.ts",
    "--reporter=json",
    `--outputFile=${report}`,
  ],
  { cwd: root, encoding: "utf8" },
);
if (!fs.existsSync(report)) {
  console.error(run.stdout, run.stderr);
  console.error("check-lessons: vitest produced no report");
  process.exit(1);
}
const results = JSON.parse(fs.readFileSync(report, "utf8")).testResults;

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
    const o = outcome(v.name, slug);
    const fails = o.failed.length + o.fileErrors.length;
    const passes = fails === 0 && o.total > 0;
    const where = v.kind === "solution" || v.kind === "starter" ? v.name : `variants/${v.name}`;
    if (v.kind === "solution" || v.kind === "right") {
      if (v.kind === "right") counts.right[1]++;
      if (!passes) {
        problems.push(`content/${id}/${where} (${v.reason}) fails ${fails} of ${o.total} tests; it must pass them all`);
        for (const line of [...o.failed, ...o.fileErrors]) problems.push(`    - ${line}`);
      } else if (v.kind === "right") counts.right[0]++;
      if (v.kind === "solution") solution = `solution passes ${o.total}`;
    } else {
      if (v.kind === "wrong") counts.wrong[1]++;
      if (passes) {
        problems.push(`content/${id}/${where} (${v.reason}) passes all ${o.total} tests; it must fail one`);
      } else if (v.kind === "wrong") counts.wrong[0]++;
      if (v.kind === "starter") starter = `starter fails ${fails} of ${o.total}`;
      if (verbose && !passes)
        console.log(`    ${where}: fails ${fails} of ${o.total} (${(o.failed[0] ?? o.fileErrors[0]).slice(0, 100)})`);
    }
  }
  console.log(
    `${id}: ${solution}; ${starter}; wrong ${counts.wrong[0]}/${counts.wrong[1]} rejected; right ${counts.right[0]}/${counts.right[1]} accepted`,
  );
}

if (problems.length > 0) {
  console.error("\n" + problems.map((p) => (p.startsWith("    ") ? p : `✗ ${p}`)).join("\n"));
  console.error(`check-lessons: ${problems.filter((p) => !p.startsWith("    ")).length} problem(s)`);
  process.exit(1);
}
console.log(`check-lessons: ${exercises.length} exercises OK`);
