// The build-time list of lesson tests. That it matches what the sandbox runs
// is proven on every lesson by scripts/check-lessons.mjs, which grades every
// variant with the sandbox's prelude: a Run completes only when each listed
// test ran and passed.

import { describe, expect, it } from "vitest";
import { collectLessonTests } from "./lesson-tests";

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
