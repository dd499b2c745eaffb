// The build-time list of lesson tests matches what the sandbox runs: every
// lesson's solution completes it in the real prelude (Node worker), with
// each listed test passed, and its starter does not. And the browser's grader
// agrees with Node's (scripts/check-lessons.mjs): every right-* variant
// completes the lesson in the sandbox, and no wrong-* variant does.

import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runExercise, type NodeRun } from "../../sandbox/tests/node-sandbox";
import { collectLessonTests } from "./lesson-tests";

const content = path.resolve(import.meta.dirname, "../../content");
const lessons = fs
  .readdirSync(content)
  .filter((m) => fs.statSync(path.join(content, m)).isDirectory())
  .flatMap((m) => fs.readdirSync(path.join(content, m)).map((l) => path.join(content, m, l)))
  .filter((dir) => fs.existsSync(path.join(dir, "tests")));

function read(dir: string): Record<string, string> {
  if (!fs.existsSync(dir)) return {};
  return Object.fromEntries(fs.readdirSync(dir).map((n) => [n, fs.readFileSync(path.join(dir, n), "utf8")]));
}

const runs: NodeRun[] = [];
afterAll(async () => {
  await Promise.all(runs.map((r) => r.stop()));
});

describe("collectLessonTests", () => {
  it("lists tests by describe path, loops included, without running bodies", () => {
    const listed = collectLessonTests({
      "a.test.ts": `import { describe, it, beforeEach } from "vitest";
import { thing } from "./a";
beforeEach(() => { throw new Error("hooks do not run"); });
describe("Task 1: x", () => {
  for (const n of [1, 2]) it(\`case \${n}\`, () => { throw new Error("bodies do not run"); });
  describe("inner", () => { it("deep", () => thing()); });
});
it("loose", () => {});
`,
    });
    expect(listed).toEqual({
      "a.test.ts": [["Task 1: x", "case 1"], ["Task 1: x", "case 2"], ["Task 1: x", "inner", "deep"], ["loose"]],
    });
  });

  it("rejects two tests with one name", () => {
    expect(() =>
      collectLessonTests({ "a.test.ts": `import { it } from "vitest";\nit("same", () => {});\nit("same", () => {});` }),
    ).toThrow(/two tests are named "same"/);
  });
});

for (const dir of lessons) {
  describe(`${path.relative(content, dir)} in the sandbox`, () => {
    const tests = read(path.join(dir, "tests"));
    const testFiles = Object.keys(tests).filter((n) => n.endsWith(".test.ts"));
    const lessonTests = collectLessonTests(Object.fromEntries(testFiles.map((n) => [n, tests[n]!])));
    const total = Object.values(lessonTests).flat().length;

    it("the solution completes the lesson; the starter does not", async () => {
      const starter = read(path.join(dir, "starter"));
      for (const [files, complete] of [
        [{ ...starter, ...read(path.join(dir, "solution")) }, true],
        [starter, false],
      ] as const) {
        const handle = await runExercise({ files: { ...files, ...tests }, testFiles, lessonTests }, 15_000);
        runs.push(handle);
        const result = handle.result;
        if (result.kind !== "tests") throw new Error(JSON.stringify(result).slice(0, 500));
        if (complete) {
          expect(result.loadErrors).toEqual([]);
          expect(result).toMatchObject({ complete: true, passed: total, failed: 0 });
        } else expect(result.complete).toBe(false);
      }
    }, 40_000);

    const variantsDir = path.join(dir, "variants");
    const variants = fs.existsSync(variantsDir) ? fs.readdirSync(variantsDir).sort() : [];
    it(`its ${variants.length} variants are graded in the sandbox as in Node`, async () => {
      const starter = read(path.join(dir, "starter"));
      const wrongOnes: string[] = [];
      for (const name of variants) {
        const files = { ...starter, ...read(path.join(variantsDir, name)) };
        delete files["reason.txt"];
        const handle = await runExercise({ files: { ...files, ...tests }, testFiles, lessonTests }, 15_000);
        runs.push(handle);
        const result = handle.result;
        const complete = result.kind === "tests" && result.complete;
        if (complete !== name.startsWith("right-"))
          wrongOnes.push(`${name}: ${complete ? "completes" : "does not complete"} the lesson (${result.kind})`);
        await handle.stop();
      }
      expect(wrongOnes, "variants graded differently in the sandbox than their names say").toEqual([]);
    }, 600_000);
  });
}
