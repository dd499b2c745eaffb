// The instructor invariant: for every exercise, the reference solution passes
// all its tests and the starter fails at least one. Runs the tests unchanged
// in Node's vitest against copies of each variant under .tmp/lessons/.
//
//   node scripts/check-lessons.mjs

import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const out = path.join(root, ".tmp", "lessons");
fs.rmSync(out, { recursive: true, force: true });

/** Every lesson folder with a tests/ directory: "content/<module>/<lesson>". */
function exerciseDirs() {
  const dirs = [];
  const content = path.join(root, "content");
  for (const mod of fs.readdirSync(content).sort()) {
    const modDir = path.join(content, mod);
    if (!fs.statSync(modDir).isDirectory()) continue;
    for (const lesson of fs.readdirSync(modDir).sort()) {
      const dir = path.join(modDir, lesson);
      if (fs.existsSync(path.join(dir, "tests"))) dirs.push(dir);
    }
  }
  return dirs;
}

function copyInto(target, ...sources) {
  fs.mkdirSync(target, { recursive: true });
  for (const source of sources) {
    if (!fs.existsSync(source)) continue;
    for (const name of fs.readdirSync(source)) fs.copyFileSync(path.join(source, name), path.join(target, name));
  }
}

const exercises = exerciseDirs().map((dir) => {
  const id = path.relative(path.join(root, "content"), dir).split(path.sep).join("/");
  const slug = id.replace(/\//g, "__");
  copyInto(
    path.join(out, "solution", slug),
    path.join(dir, "starter"),
    path.join(dir, "solution"),
    path.join(dir, "tests"),
  );
  copyInto(path.join(out, "starter", slug), path.join(dir, "starter"), path.join(dir, "tests"));
  return { id, slug };
});

// The exercise must type-check as the learner sees it (starter + tests, solution + tests).
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

let problems = 0;
for (const { id, slug } of exercises) {
  for (const variant of ["solution", "starter"]) {
    const prefix = path.join(out, variant, slug) + path.sep;
    const files = results.filter((r) => r.name.startsWith(prefix));
    const tests = files.flatMap((f) => f.assertionResults);
    const failed = tests.filter((t) => t.status !== "passed");
    const fileErrors = files.filter((f) => f.status === "failed" && f.assertionResults.length === 0);
    if (variant === "solution" && (failed.length > 0 || fileErrors.length > 0 || tests.length === 0)) {
      problems++;
      console.error(`✗ content/${id}: the solution fails ${failed.length} of ${tests.length} tests`);
      for (const t of failed) console.error(`    - ${t.fullName}: ${(t.failureMessages[0] ?? "").split("\n")[0]}`);
      for (const f of fileErrors) console.error(`    - ${path.basename(f.name)}: ${f.message.split("\n")[0]}`);
    } else if (variant === "starter" && failed.length === 0 && fileErrors.length === 0) {
      problems++;
      console.error(`✗ content/${id}: the starter passes all ${tests.length} tests (it must fail at least one)`);
    } else {
      const summary =
        variant === "solution"
          ? `passes all ${tests.length} tests`
          : `fails ${failed.length + fileErrors.length} of ${tests.length} tests`;
      console.log(`✓ content/${id}: ${variant} ${summary}`);
    }
  }
}
if (problems > 0) {
  console.error(`check-lessons: ${problems} problem(s)`);
  process.exit(1);
}
console.log(`check-lessons: ${exercises.length} exercises OK`);
