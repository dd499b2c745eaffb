// Checks every ```go block in lesson text with the Go toolchain: each block
// must parse (gofmt -e), and a complete `package main` program must also pass
// `go vet`. Debian's Go is 1.19, so a program that needs a newer Go says so in
// its fence (```go go1.22) and is only parsed. Fragments are wrapped: first as
// file-level declarations, then as the body of a function. gofmt runs here;
// vet runs once for every lesson's programs (go-batch.mjs).

import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export const CHECKER_MINOR = 19;

/** The ```go blocks of an MDX file: { line (1-based, first code line), meta, code }. */
export function goBlocks(mdx) {
  const blocks = [];
  const lines = mdx.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const open = /^```go(?:\s+(.*))?$/.exec(lines[i].trimEnd());
    if (!open) continue;
    const start = i + 1;
    let end = start;
    while (end < lines.length && lines[end].trimEnd() !== "```") end++;
    blocks.push({ line: start + 1, meta: open[1] ?? "", code: lines.slice(start, end).join("\n") });
    i = end;
  }
  return blocks;
}

/** The Go minor version a fence's meta asks for ("go1.22" -> 22), or 0. */
function neededMinor(meta) {
  const m = /\bgo1\.(\d+)\b/.exec(meta);
  return m ? Number(m[1]) : 0;
}

/** True if `gofmt` and `go` can run here. */
export function haveGo() {
  return spawnSync("go", ["version"], { encoding: "utf8" }).status === 0;
}

/**
 * Checks the Go blocks of `mdxPath` with gofmt; returns { problems, programs }:
 * problems as "path:line:col: message" strings, and the complete `package
 * main` programs that go vet must pass, for vetAndRun() (go-batch.mjs), named
 * `${prefix}b<n>`. `work` is a scratch folder.
 */
export function goBlockPrograms(mdxPath, work, prefix) {
  const problems = [];
  const programs = [];
  const blocks = goBlocks(fs.readFileSync(mdxPath, "utf8"));
  fs.rmSync(work, { recursive: true, force: true });
  fs.mkdirSync(work, { recursive: true });
  blocks.forEach((block, n) => {
    const file = path.join(work, `block${n}.go`);
    const complete = /^\s*(\/\/.*\n|\/\*[\s\S]*?\*\/\s*)*\s*package\s/.test(block.code);
    const wrappers = complete
      ? [{ head: "", tail: "" }]
      : [
          { head: "package p\n", tail: "" },
          { head: "package p\nfunc _() {\n", tail: "\n}\n" },
        ];
    let error = "";
    for (const w of wrappers) {
      fs.writeFileSync(file, w.head + block.code + "\n" + w.tail);
      const r = spawnSync("gofmt", ["-e", "-l", file], { encoding: "utf8" });
      if (r.status === 0) {
        error = "";
        break;
      }
      const offset = w.head.split("\n").length - 1;
      if (error === "") error = remap(r.stderr, file, mdxPath, block.line - 1 - offset);
    }
    if (error !== "") {
      problems.push(error);
      return;
    }
    const isMain = complete && /^\s*package\s+main\b/m.test(block.code) && /\bfunc\s+main\s*\(/.test(block.code);
    if (!isMain || neededMinor(block.meta) > CHECKER_MINOR) return;
    programs.push({
      name: `${prefix}b${n}`,
      code: block.code,
      vetProblem: (found) =>
        found.map((f) => `${mdxPath}:${f.line + block.line - 1}:${f.col}: ${f.message}`).join("\n    ") +
        `\n    (go vet, Go 1.${CHECKER_MINOR}; a program that needs a newer Go marks its fence \`\`\`go go1.22)`,
    });
  });
  return { problems, programs };
}

/** The environment for the go tool: a module with no network; the build cache outlives a run. */
export const GO_ENV = {
  ...process.env,
  GOFLAGS: "-mod=mod",
  GOCACHE: path.resolve(import.meta.dirname, "../../.tmp/gocache"),
  GOPROXY: "off",
};

/** Rewrites "file:L:C: msg" lines of a Go tool's output to the MDX file's lines. */
function remap(output, file, mdxPath, lineOffset) {
  const lines = output
    .split("\n")
    .filter((l) => l.trim() !== "" && !l.startsWith("#"))
    .slice(0, 3);
  return lines
    .map((l) => {
      const i = l.indexOf(path.basename(file) + ":");
      const m = /:(\d+):(\d+):\s*(.*)$/.exec(i >= 0 ? l.slice(i) : l);
      return m ? `${mdxPath}:${Number(m[1]) + lineOffset}:${m[2]}: ${m[3]}` : `${mdxPath}: ${l.trim()}`;
    })
    .join("\n    ");
}
