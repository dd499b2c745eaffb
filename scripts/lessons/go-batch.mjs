// Runs the Go tool once for many small programs: every Go program the
// lessons show (text blocks and quiz questions) becomes a package of one
// module, vetted with a single `go vet ./...` and, when it must run, built
// with a single `go build`; then the binaries run, a few at a time. One
// invocation per step instead of one per program: the go command's start-up
// and package loading were most of the lessons' Go time.

import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { CHECKER_MINOR, GO_ENV } from "./go-blocks.mjs";

const RUN_TIMEOUT_MS = 20_000;

/** Runs a command without blocking the event loop: { status, stdout, stderr, timedOut, timeoutMs }. */
export function run(command, args, { cwd, timeoutMs = RUN_TIMEOUT_MS, env = process.env } = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env });
    let stdout = "";
    let stderr = "";
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, timeoutMs);
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("close", (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr, timedOut, timeoutMs });
    });
  });
}

/**
 * Vets every program, then builds and runs those with `run: true` that vet
 * clean. A program is { name (unique, [A-Za-z0-9_-]), code, run?: boolean,
 * vetProblem(lines: {line, col, message}[]) -> string }. Resolves to
 * { problems: string[], runs: Map<name, {status, stdout, stderr, timedOut}> }.
 * `work` is emptied first.
 */
export async function vetAndRun(work, programs) {
  fs.rmSync(work, { recursive: true, force: true });
  fs.mkdirSync(path.join(work, "bin"), { recursive: true });
  fs.writeFileSync(path.join(work, "go.mod"), `module lessons\n\ngo 1.${CHECKER_MINOR}\n`);
  for (const p of programs) {
    fs.mkdirSync(path.join(work, p.name));
    fs.writeFileSync(path.join(work, p.name, "main.go"), p.code.trimEnd() + "\n");
  }
  const problems = [];
  const runs = new Map();
  if (programs.length === 0) return { problems, runs };

  // go vet ./... prints "# lessons/<name>" then "[vet: ][./]<name>/main.go:L:C: message" lines.
  const vet = await run("go", ["vet", "./..."], { cwd: work, timeoutMs: 300_000, env: GO_ENV });
  const found = new Map();
  let current = "";
  for (const line of vet.stderr.split("\n")) {
    const header = /^# lessons\/(\S+)/.exec(line);
    if (header) {
      current = header[1];
      continue;
    }
    const m = /^(?:vet: )?(?:\.\/)?([\w-]+)\/main\.go:(\d+):(\d+):\s*(.*)$/.exec(line);
    const name = m ? m[1] : current;
    if (!name || line.trim() === "") continue;
    const entry = m
      ? { line: Number(m[2]), col: Number(m[3]), message: m[4] }
      : { line: 0, col: 0, message: line.trim() };
    found.set(name, [...(found.get(name) ?? []), entry]);
  }
  if (vet.status !== 0 && found.size === 0) problems.push(`go vet failed: ${vet.stderr.trim().split("\n")[0]}`);
  for (const p of programs) if (found.has(p.name)) problems.push(p.vetProblem(found.get(p.name).slice(0, 3)));

  const runnable = programs.filter((p) => p.run && !found.has(p.name));
  if (runnable.length === 0) return { problems, runs };
  const build = await run("go", ["build", "-o", "bin/", ...runnable.map((p) => `./${p.name}`)], {
    cwd: work,
    timeoutMs: 300_000,
    env: GO_ENV,
  });
  if (build.status !== 0) {
    problems.push(
      `go build of the lessons' programs failed: ${build.stderr.trim().split("\n").slice(0, 3).join(" | ")}`,
    );
    return { problems, runs };
  }
  let next = 0;
  const lane = async () => {
    while (next < runnable.length) {
      const p = runnable[next++];
      runs.set(p.name, await run(path.join(work, "bin", p.name), [], { cwd: path.join(work, p.name), env: GO_ENV }));
    }
  };
  await Promise.all(Array.from({ length: Math.max(2, os.availableParallelism()) }, lane));
  return { problems, runs };
}
