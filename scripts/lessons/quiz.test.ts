// The quiz checker proves what a quiz claims about its Go programs: these
// cases give it true and false claims and expect exactly the false ones named.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkQuiz } from "./quiz.mjs";
import { haveGo } from "./go-blocks.mjs";

const hello = ["package main", "", 'import "fmt"', "", "func main() {", '\tfmt.Println("hi")', "}"];
const deadlock = ["package main", "", "func main() {", "\tch := make(chan int)", "\tch <- 1", "}"];

function indent(lines: string[]): string {
  return lines.map((l) => (l ? `      ${l}` : "")).join("\n");
}

function question(code: string[] | undefined, claims: string, correct = 0): string {
  const choices = [0, 1]
    .map((i) => `      - text: choice ${i}\n        why: because ${i}${i === correct ? "\n        correct: true" : ""}`)
    .join("\n");
  const program = code ? `    code: |\n${indent(code)}\n` : "";
  return `  - question: What happens?\n${program}${claims}    choices:\n${choices}\n`;
}

async function check(quiz: string): Promise<string[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "quiz-"));
  const mdx = path.join(dir, "index.mdx");
  fs.writeFileSync(mdx, `---\ntitle: T\n${quiz}---\n\nText.\n\n<Quiz questions={frontmatter.quiz} />\n`);
  return (await checkQuiz(mdx, path.join(dir, "work"), { go: haveGo() as boolean })) as string[];
}

const plain = question(undefined, "");
/** Each check runs the go tool (vet, build, run): seconds on a loaded machine. */
const GO_TIMEOUT = 60_000;

describe("quiz checks", () => {
  it("reports a lesson without a quiz", async () => {
    expect(await check(""), "a missing quiz is reported").toEqual([expect.stringMatching(/quiz: missing/)]);
  });

  it("requires one question with a program and what it does", async () => {
    const problems = await check(`quiz:\n${plain}${plain}${plain}`);
    expect(problems, "no program question is reported").toEqual([
      expect.stringMatching(/no question shows a Go program/),
    ]);
  });
});

describe("quiz programs run with Go (bash scripts/ensure-go.sh installs it)", () => {
  it(
    "accepts true claims",
    async () => {
      const quiz = `quiz:\n${question(hello, '    prints: "hi\\n"\n')}${question(deadlock, "    crashes: deadlock\n")}${plain}`;
      expect(await check(quiz), "true claims pass").toEqual([]);
    },
    GO_TIMEOUT,
  );

  it(
    "names a wrong prints",
    async () => {
      const problems = await check(`quiz:\n${question(hello, '    prints: "hello\\n"\n')}${plain}${plain}`);
      expect(problems, "a wrong prints is reported with what the program printed").toEqual([
        expect.stringMatching(/quiz\[0\]\.code: prints "hi\\n", the quiz says "hello\\n"/),
      ]);
    },
    GO_TIMEOUT,
  );

  it(
    "names a crash the quiz does not mention, and one that does not happen",
    async () => {
      const quiz = `quiz:\n${question(deadlock, '    prints: ""\n')}${question(hello, '    prints: "hi\\n"\n    crashes: panic\n')}${plain}`;
      const problems = await check(quiz);
      expect(problems, "both false crash claims are reported").toEqual(
        expect.arrayContaining([
          expect.stringMatching(/quiz\[0\]\.code: ends with deadlock, the quiz says no crash/),
          expect.stringMatching(/quiz\[1\]\.code: ends with success, the quiz says crashes: panic/),
        ]),
      );
    },
    GO_TIMEOUT,
  );

  it(
    "rejects a program that is not gofmt-formatted",
    async () => {
      const spaces = hello.map((l) => l.replace("\t", "    "));
      const problems = await check(`quiz:\n${question(spaces, '    prints: "hi\\n"\n')}${plain}${plain}`);
      expect(problems, "spaces instead of tabs are reported").toEqual([expect.stringMatching(/not gofmt-formatted/)]);
    },
    GO_TIMEOUT,
  );
});
