// Checks a lesson's quiz (frontmatter `quiz:`; Astro's schema checks its
// shape at build): every exercise lesson has one, at least one question
// shows a Go program and says what it does, and every program is proven:
// gofmt-formatted, vetted, and run with Go, its stdout compared with
// `prints` and its end with `crashes` (deadlock or panic).

import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import YAML from "yaml";
import { vetAndRun } from "./go-batch.mjs";

/** The frontmatter of MDX text as an object ({} when there is none). */
export function frontmatter(mdx) {
  const m = /^---\r?\n([\s\S]*?)\r?\n---/.exec(mdx);
  return m ? (YAML.parse(m[1]) ?? {}) : {};
}

/** How a run differs from what the question claims, or "" when it matches. */
function mismatch(q, run) {
  if (run.timedOut) return `still running after ${run.timeoutMs / 1000} s`;
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
 * Checks the quiz of `mdxPath`: its presence, its place in the text, and each
 * program's formatting (gofmt). Returns { problems, programs }, the programs
 * for vetAndRun() (go-batch.mjs), named `${prefix}q<i>`, each with
 * check(run) -> "" or the problem. `work` is a scratch folder.
 */
export function quizPrograms(mdxPath, work, prefix) {
  const problems = [];
  const programs = [];
  const mdx = fs.readFileSync(mdxPath, "utf8");
  const quiz = frontmatter(mdx).quiz;
  if (!Array.isArray(quiz) || quiz.length === 0) {
    return {
      problems: [
        `${mdxPath}: quiz: missing; every exercise lesson ends with a quiz of 3-8 questions (see AUTHORING.md)`,
      ],
      programs,
    };
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
  fs.rmSync(work, { recursive: true, force: true });
  fs.mkdirSync(work, { recursive: true });
  quiz.forEach((q, i) => {
    if (!q?.code) return;
    const where = `${mdxPath}: quiz[${i}].code`;
    const file = path.join(work, `quiz${i}.go`);
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
    programs.push({
      name: `${prefix}q${i}`,
      code: String(q.code),
      run: claims,
      vetProblem: (found) => `${where}: go vet: ${found[0].message}`,
      check: (run) => {
        const wrong = mismatch(q, run);
        return wrong && `${where}: ${wrong}`;
      },
    });
  });
  return { problems, programs };
}

/**
 * Checks one lesson's quiz end to end, its programs run with Go when `go`;
 * resolves to problems. (check-lessons batches every lesson's programs.)
 */
export async function checkQuiz(mdxPath, work, { go }) {
  const { problems, programs } = quizPrograms(mdxPath, path.join(work, "fmt"), "p");
  if (!go) return problems;
  const { problems: vetted, runs } = await vetAndRun(path.join(work, "go"), programs);
  problems.push(...vetted);
  for (const p of programs) if (runs.has(p.name)) problems.push(p.check(runs.get(p.name)) || "");
  return problems.filter(Boolean);
}
