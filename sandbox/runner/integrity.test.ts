// Results that cannot lie: the real prelude in a Node worker (as in the
// browser) against learner code that tries to hide, skip or fake lesson
// tests. Each trick runs with a wrong `add`, so only a lie could pass.

import { afterAll, describe, expect, it } from "vitest";
import type { RunResult, WorkerMessage } from "../protocol";
import { runExercise, type NodeRun } from "../tests/node-sandbox";

const runs: NodeRun[] = [];
afterAll(async () => {
  await Promise.all(runs.map((r) => r.stop()));
});

const lessonTests = `import { describe, it, expect } from "vitest";
import { add } from "./add";
describe("Task 1: adds", () => {
  it("adds small numbers", () => {
    expect(add(1, 2)).toBe(3);
  });
  it("adds into an object", () => {
    expect({ sum: add(2, 2) }).toEqual({ sum: 4 });
  });
});
describe("Task 2: adds more", () => {
  it("adds negatives", () => {
    expect(add(-1, -2)).toBe(-3);
  });
});
`;

const RIGHT = "export const add = (a: number, b: number) => a + b;\n";
const WRONG = "export const add = (a: number, b: number) => a - b;\n";

async function runWith(learner: string, extra: Record<string, string> = {}): Promise<NodeRun> {
  const files = { "add.ts": learner, "add.test.ts": lessonTests, ...extra };
  const handle = await runExercise({ files, testFiles: ["add.test.ts"] });
  runs.push(handle);
  return handle;
}

function tests(result: RunResult) {
  if (result.kind !== "tests") throw new Error(`expected test results, got ${JSON.stringify(result)}`);
  return result;
}

/** Runs `learner` (a wrong add plus a trick) and checks the lesson is not complete and every lesson test ran. */
async function expectNoLie(learner: string) {
  const result = tests((await runWith(learner)).result);
  expect(result.complete).toBe(false);
  expect(result.tasks.flatMap((t) => t.tests.map((x) => x.name))).toEqual([
    "adds small numbers",
    "adds into an object",
    "adds negatives",
  ]);
  expect(result.tasks.flatMap((t) => t.tests).some((t) => t.state === "fail")).toBe(true);
  expect(result.tasks.every((t) => t.done)).toBe(false);
  return result;
}

describe("completion means every lesson test ran and passed", () => {
  it("completes with a right add, not with a wrong one", async () => {
    const right = tests((await runWith(RIGHT)).result);
    expect(right).toMatchObject({ complete: true, passed: 3, failed: 0 });
    expect(right.tasks.map((t) => t.done)).toEqual([true, true]);
    await expectNoLie(WRONG);
  });

  it("a learner describe.only scratch test neither hides the lesson tests nor counts", async () => {
    const learner = `${WRONG}import { describe, it, expect } from "vitest";
describe.only("my scratch", () => { it("works", () => expect(1).toBe(1)); });`;
    const result = await expectNoLie(learner);
    expect(result.learnerTests).toEqual([expect.objectContaining({ name: "my scratch > works", state: "pass" })]);
    expect(result.passed).toBe(0);
  });

  it("it.only and skips in learner code do not hide lesson tests; a right add still completes", async () => {
    const learner = `${RIGHT}import { it, expect } from "vitest";
it.only("mine", () => expect(2).toBe(2));
it.skip("skipped", () => {});
it.todo("later");`;
    const result = tests((await runWith(learner)).result);
    expect(result).toMatchObject({ complete: true, passed: 3, failed: 0 });
    expect(result.learnerTests.map((t) => [t.name, t.state])).toEqual([
      ["mine", "pass"],
      ["skipped", "skip"],
      ["later", "skip"],
    ]);
  });

  it("a learner test named like a lesson test does not stand in for it", async () => {
    await expectNoLie(`${WRONG}import { describe, it } from "vitest";
describe("Task 1: adds", () => { it("adds small numbers", () => {}); it("adds into an object", () => {}); });
describe("Task 2: adds more", () => { it("adds negatives", () => {}); });`);
  });

  it("ctx.skip() in a learner hook does not skip lesson tests", async () => {
    await expectNoLie(`${WRONG}import { beforeEach } from "vitest";
beforeEach((ctx) => ctx.skip());`);
  });

  it("a lesson test that was skipped, or that never registered, fails its task", async () => {
    // The learner grabs the running test from an assertion and skips every other lesson test.
    const learner = `import { expect } from "vitest";
export const add = (a: number, b: number) => {
  const task: any = (expect(0) as any).__flags["vitest-test"];
  for (const suite of task.file.tasks) for (const t of suite.tasks) if (t !== task) t.mode = "skip";
  return a + b;
};\n`;
    const result = tests((await runWith(learner)).result);
    expect(result).toMatchObject({ complete: false, passed: 1, failed: 2 });
    expect(result.tasks.map((t) => t.done)).toEqual([false, false]);
    expect(result.tasks[1]!.tests[0]!.failure!.message).toMatch(/skipped/);
    expect(result.tasks[1]!.tests[0]!.failure!.platform, "a code the page translates").toEqual({
      code: "lessonTestSkipped",
    });
    const missing = await runExercise({
      files: { "add.ts": RIGHT, "add.test.ts": lessonTests },
      testFiles: ["add.test.ts"],
      lessonTests: {
        "add.test.ts": [
          ["Task 1: adds", "adds small numbers"],
          ["Task 1: adds", "is never registered"],
        ],
      },
    });
    runs.push(missing);
    const r = tests(missing.result);
    expect(r.complete).toBe(false);
    expect(r.tasks[0]!.done).toBe(false);
    expect(r.tasks[0]!.tests[1]).toMatchObject({ name: "is never registered", state: "fail" });
    expect(r.tasks[0]!.tests[1]!.failure!.message).toMatch(/did not run/);
    expect(r.tasks[0]!.tests[1]!.failure!.platform).toEqual({ code: "lessonTestNotRun" });
  });

  it('"0 passed, 0 failed" is not complete', async () => {
    const handle = await runExercise({
      files: { "empty.test.ts": 'import { describe } from "vitest";\ndescribe("Task 1: nothing", () => {});\n' },
      testFiles: ["empty.test.ts"],
    });
    runs.push(handle);
    const result = tests(handle.result);
    expect(result).toMatchObject({ passed: 0, complete: false });
    expect(result.tasks.every((t) => t.done)).toBe(true);
  });
});

describe("errors after the last test fail the Run", () => {
  it("an unhandled rejection after the last test, with the learner's file:line", async () => {
    const learner = `export const add = (a: number, b: number) => {
  setTimeout(() => {
    void Promise.reject(new Error("rejected late"));
  }, 0);
  return a + b;
};\n`;
    const result = tests((await runWith(learner)).result);
    expect(result.complete).toBe(false);
    expect(result.passed).toBe(3);
    const late = result.loadErrors.find((e) => e.message.includes("rejected late"))!;
    expect(late.message).toMatch(/^Unhandled error/);
    expect(late.platform, "the learner's text is the parameter").toEqual({
      code: "unhandledError",
      params: { message: expect.stringContaining("rejected late") },
    });
    expect(late.location).toMatch(/^add\.ts:3:\d+$/);
  });

  it("an error thrown from a timer after the last test", async () => {
    const learner = `let done = 0;
export const add = (a: number, b: number) => {
  if (++done === 3) setTimeout(() => { throw { status: 500, message: { text: "late" } }; }, 5);
  return a + b;
};\n`;
    const result = tests((await runWith(learner)).result);
    expect(result.complete).toBe(false);
    expect(result.loadErrors.map((e) => e.message).join("\n")).toMatch(/Unhandled error: .*status: 500/);
  });

  // The runner waits only while a learner timer is due within LATE_ERRORS_MS (late-errors.ts).
  it("an error from a timer due just inside the 10 ms window, set by the last test", async () => {
    const learner = `let done = 0;
export const add = (a: number, b: number) => {
  if (++done === 3) setTimeout(() => { throw new Error("late by 8 ms"); }, 8);
  return a + b;
};\n`;
    const result = tests((await runWith(learner)).result);
    expect(result.complete).toBe(false);
    expect(result.loadErrors.map((e) => e.message).join("\n")).toContain("late by 8 ms");
  });

  it("a rejection from the third tick of an interval, after the last test", async () => {
    const learner = `let done = 0;
export const add = (a: number, b: number) => {
  if (++done === 3) {
    let ticks = 0;
    const id = setInterval(() => {
      if (++ticks === 3) { clearInterval(id); void Promise.reject(new Error("third tick")); }
    }, 1);
  }
  return a + b;
};\n`;
    const result = tests((await runWith(learner)).result);
    expect(result.complete).toBe(false);
    expect(result.loadErrors.map((e) => e.message).join("\n")).toContain("third tick");
  });

  it("a cleared timer, and one due long after the Run, neither fail it nor hold it up", async () => {
    const learner = `let done = 0;
export const add = (a: number, b: number) => {
  if (++done === 3) {
    clearTimeout(setTimeout(() => { throw new Error("cleared"); }, 1));
    setTimeout(() => { throw new Error("much later"); }, 3000);
  }
  return a + b;
};\n`;
    const result = tests((await runWith(learner)).result);
    expect(result.loadErrors).toEqual([]);
    expect(result.complete).toBe(true);
    expect(result.durationMs, "the Run does not wait for a timer due after the window").toBeLessThan(2000);
  });
});

describe("the host trusts only the runner", () => {
  it("learner code cannot post a forged result (postMessage is hidden); the runner's one result says not complete", async () => {
    const learner = `${WRONG}export let forged = "sent";
try { (globalThis as any).postMessage({ type: "result", runId: 1, secret: "guess", result: { kind: "tests", tasks: [], learnerTests: [], passed: 3, failed: 0, complete: true, loadErrors: [], traces: [], durationMs: 1, explorer: false } }); } catch { forged = "refused"; }
try { (globalThis as any).__sandboxStart({ runId: 1, map: "", testTimeoutMs: 100 }); } catch {}`;
    const handle = await runWith(learner);
    const results = handle.messages.filter((m: WorkerMessage) => m.type === "result");
    expect(results).toHaveLength(1);
    expect(results[0]!.secret).not.toBe("guess");
    expect(tests(handle.result).complete).toBe(false);
  });

  it("the platform table and the runner's globals are gone before learner code runs", async () => {
    const learner = `${RIGHT}const g = globalThis as any;
export const seen = [g.__platformModules, g.__testFiles, g.__lessonTests, g.__sandboxStart, g.__bundleUrl].map((v) => typeof v);
import { it, expect } from "vitest";
it("sees no runner globals", () => expect(seen).toEqual(["undefined", "undefined", "undefined", "undefined", "undefined"]));`;
    const result = tests((await runWith(learner)).result);
    expect(result.learnerTests).toEqual([expect.objectContaining({ state: "pass" })]);
  });

  const tricks: [string, string][] = [
    [
      "assigning a matcher on Assertion.prototype",
      `(Object.getPrototypeOf(expect(0)) as any).toBe = function () { return this; };`,
    ],
    [
      "redefining a matcher on Assertion.prototype",
      `Object.defineProperty(Object.getPrototypeOf(expect(0)), "toEqual", { value() { return this; } });`,
    ],
    ["patching chai's assert", `(Object.getPrototypeOf(expect(0)) as any).assert = function () {};`],
    ["overwriteMethod on Assertion", `(expect(0) as any).constructor.overwriteMethod("toBe", () => function () {});`],
    [
      "expect.extend overriding a built-in matcher",
      `expect.extend({ toBe: () => ({ pass: true, message: () => "" }), toEqual: () => ({ pass: true, message: () => "" }) });`,
    ],
    [
      "a custom equality tester that says yes",
      `(globalThis as any)[Symbol.for("$$jest-matchers-object")].customEqualityTesters.push(() => true);`,
    ],
    [
      "redefining the matchers object",
      `Object.defineProperty(globalThis, Symbol.for("$$jest-matchers-object"), { get: () => ({ matchers: {}, customEqualityTesters: [() => true] }) });`,
    ],
    ["Object.is always true", `Object.is = () => true;`],
    ["Object.keys empty", `Object.keys = () => [];`],
    ["Array.prototype.filter empty", `Array.prototype.filter = function () { return []; };`],
    ["Array.prototype.some false", `Array.prototype.some = function () { return false; };`],
    ["JSON.stringify forged", `JSON.stringify = () => '{"kind":"tests","complete":true}';`],
    [
      "Promise.prototype.then resolving everything",
      `Promise.prototype.then = function (ok: any) { return Promise.resolve(ok && ok()); } as any;`,
    ],
    ["the global Promise replaced", `(globalThis as any).Promise = class { then(ok: any) { ok(); } };`],
    [
      "a Promise constructor with a fake species",
      `Object.defineProperty(Promise.prototype, "constructor", { value: class { static get [Symbol.species]() { return this; } } });`,
    ],
    ["Function.prototype.apply patched", `Function.prototype.apply = function () { return true; } as any;`],
    ["Reflect.apply patched", `Reflect.apply = () => true;`],
    ["Map.prototype.get patched", `Map.prototype.get = () => undefined;`],
    [
      "the array iterator patched",
      `(Object.getPrototypeOf([][Symbol.iterator]()) as any).next = () => ({ done: true });`,
    ],
  ];
  for (const [name, trick] of tricks) {
    it(`${name} does not fake a pass`, async () => {
      await expectNoLie(`import { expect } from "vitest";\ntry { ${trick} } catch {}\n${WRONG}`);
    });
  }

  it("rewriting a lesson test's result state from onTestFinished or the task object does not fake a pass", async () => {
    const learner = `import { expect, onTestFinished } from "vitest";
export const add = (a: number, b: number) => {
  try { onTestFinished(({ task }: any) => { task.result.state = "pass"; task.result.errors = []; }); } catch {}
  const task: any = (expect(0) as any).__flags["vitest-test"];
  if (task) {
    (task.onFinished ??= []).push(() => { task.result.state = "pass"; task.result.errors = []; });
    queueMicrotask(() => { task.result = { state: "pass" }; });
  }
  return a - b;
};\n`;
    await expectNoLie(learner);
  });
});
