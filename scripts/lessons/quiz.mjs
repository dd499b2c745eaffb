// Checks a lesson's quiz (frontmatter `quiz:`; Astro's schema checks its
// shape at build): every exercise lesson has one, at least one question
// shows a Go program and says what it does, and every program is proven:
// gofmt-formatted, vetted, and run with Go, its stdout compared with
// `prints` and its end with `crashes` (deadlock or panic).

import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import YAML from "yaml";
import { GO_ENV, goVet } from "./go-blocks.mjs";

const RUN_TIMEOUT_MS = 20_000;

/** The frontmatter of MDX text as an object ({} when there is none). */
export function frontmatter(mdx) {
  const m = /^---\r?\n([\s\S]*?)\r?\n---/.exec(mdx);
  return m ? (YAML.parse(m[1]) ?? {}) : {};
}

/** Runs `go run .` in dir without blocking the event loop: { status, stdout, stderr, timedOut }. */
function goRun(dir) {
  return new Promise((resolve) => {
    const child = spawn("go", ["run", "."], { cwd: dir, env: GO_ENV });
    let stdout = "";
    let stderr = "";
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, RUN_TIMEOUT_MS);
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("close", (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr, timedOut });
    });
  });
}

/** How a run differs from what the question claims, or "" when it matches. */
function mismatch(q, run) {
  if (run.timedOut) return `still running after ${RUN_TIMEOUT_MS / 1000} s`;
  const out = [];
  if (q.prints !== undefined && run.stdout.trimEnd() !== String(q.prints).trimEnd()) {
    out.push(`prints ${JSON.stringify(run.stdout)}, the quiz says ${JSON.stringify(q.prints)}`);
  }
  const deadlock = run.stderr.includes("fatal error: all goroutines are asleep - deadlock!");
  const panic = /(^|\n)panic: /.test(run.stderr);
  const ended = deadlock ? "deadlock" : panic ? "panic" : run.status === 0 ? undefined : `exit status ${run.status}`;
  if (ended !== q.crashes) {
    const said = q.crashes ? `crashes: ${q.crashes}` : "no crash";
    out.push(
      `ends with ${ended ?? "success"}, the quiz says ${said}${ended && !deadlock && !panic ? `: ${run.stderr.split("\n")[0]}` : ""}`,
    );
  }
  return out.join("; ");
}

/**
 * Checks the quiz of `mdxPath`; resolves to problems as "path: quiz[i].field: message".
 * `work` is a scratch folder.
 */
export async function checkQuiz(mdxPath, work, { go }) {
  const problems = [];
  const mdx = fs.readFileSync(mdxPath, "utf8");
  const quiz = frontmatter(mdx).quiz;
  if (!Array.isArray(quiz) || quiz.length === 0) {
    return [`${mdxPath}: quiz: missing; every exercise lesson ends with a quiz of 3-8 questions (see AUTHORING.md)`];
  }
  if (!/<Quiz\s+questions=\{frontmatter\.quiz\}\s*\/>/.test(mdx)) {
    problems.push(
      `${mdxPath}: quiz: the lesson text does not show it; end the text with <Quiz questions={frontmatter.quiz} />`,
    );
  }
  if (!quiz.some((q) => q?.code && (q.prints !== undefined || q.crashes !== undefined))) {
    problems.push(
      `${mdxPath}: quiz: no question shows a Go program with what it prints or how it crashes (code + prints/crashes)`,
    );
  }
  if (!go) return problems;
  const runs = [];
  quiz.forEach((q, i) => {
    if (!q?.code) return;
    const where = `${mdxPath}: quiz[${i}].code`;
    const dir = path.join(work, `quiz${i}`);
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, "main.go");
    fs.writeFileSync(file, String(q.code).trimEnd() + "\n");
    const fmt = spawnSync("gofmt", ["-l", "-e", file], { encoding: "utf8" });
    if (fmt.status !== 0) return problems.push(`${where}: ${fmt.stderr.split("\n")[0].replace(file, "main.go")}`);
    if (fmt.stdout.trim()) return problems.push(`${where}: not gofmt-formatted (indent with tabs; run gofmt on it)`);
    const claims = q.prints !== undefined || q.crashes !== undefined;
    const isMain = /^\s*package\s+main\b/m.test(q.code) && /\bfunc\s+main\s*\(/.test(q.code);
    if (!isMain) {
      if (claims) problems.push(`${where}: prints/crashes need a complete package main program`);
      return;
    }
    const vet = goVet(dir);
    if (vet.status !== 0)
      return problems.push(`${where}: go vet: ${vet.stderr.split("\n").filter((l) => !l.startsWith("#"))[0]}`);
    if (claims) runs.push(goRun(dir).then((run) => mismatch(q, run) && problems.push(`${where}: ${mismatch(q, run)}`)));
  });
  await Promise.all(runs);
  return problems;
}
