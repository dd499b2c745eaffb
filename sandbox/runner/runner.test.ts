// End-to-end tests of the sandbox harness in Node: compile with esbuild, run
// the prelude + bundle in a worker thread, check the RunResult.

import { afterAll, describe, expect, it } from "vitest";
import type { RunResult } from "../protocol";
import { runExercise, type NodeRun } from "../tests/node-sandbox";

const runs: NodeRun[] = [];
afterAll(async () => {
  await Promise.all(runs.map((r) => r.stop()));
});

async function run(files: Record<string, string>, timeoutMs = 5000): Promise<RunResult> {
  const testFiles = Object.keys(files).filter((f) => f.endsWith(".test.ts"));
  const handle = await runExercise({ files, testFiles }, timeoutMs);
  runs.push(handle);
  return handle.result;
}

function tests(result: RunResult) {
  if (result.kind !== "tests") throw new Error(`expected test results, got ${JSON.stringify(result)}`);
  return result;
}

const addTests = `import { describe, it, expect } from "vitest";
import { add } from "./add";
describe("Task 1: adds", () => {
  it("adds small numbers", () => {
    expect(add(1, 2)).toBe(3);
  });
  it("adds objects", () => {
    expect({ sum: add(2, 2) }).toEqual({ sum: 4 });
  });
});
describe("Task 2: logs", () => {
  it("logs", () => {
    console.log("hello", { a: 1 });
    expect(true).toBe(true);
  });
});
`;

describe("sandbox runner", () => {
  it("reports every test passing, grouped by top-level describe", async () => {
    const result = tests(
      await run({ "add.ts": "export const add = (a: number, b: number) => a + b;", "add.test.ts": addTests }),
    );
    expect(result.passed).toBe(3);
    expect(result.failed).toBe(0);
    expect(result.tasks.map((t) => t.title)).toEqual(["Task 1: adds", "Task 2: logs"]);
    expect(result.tasks[1]!.tests[0]!.logs).toEqual(["hello { a: 1 }"]);
  });

  it("shows a failing explore seed's output once, though the seed is replayed to locate its deadlock", async () => {
    const result = tests(
      await run({
        "stuck.test.ts": `import { it } from "vitest";
import { makeChan } from "go";
import * as synctest from "go/testing/synctest";
it("explores", async () => {
  await synctest.explore(async () => {
    console.log("seed " + synctest.seed());
    if (synctest.seed() === 2) await makeChan<number>().recv();
  }, { seeds: 3 });
});
`,
      }),
    );
    const test = result.tasks.flatMap((t) => t.tests)[0]!;
    expect(test.logs).toEqual(["seed 1", "seed 2"]);
    expect(test.failure?.message).toMatch(/failed with seed 2[\s\S]*\[chan receive\]:\n\tblocked at stuck\.test\.ts:7/);
  });

  it("counts assertions in expect's state, as Vitest does", async () => {
    const result = tests(
      await run({
        "count.test.ts": `import { it, expect } from "vitest";
it("counts", () => {
  const before = expect.getState().assertionCalls;
  expect(1).toBe(1);
  expect([1]).toEqual([1]);
  if (expect.getState().assertionCalls !== before + 2) throw new Error("counted " + expect.getState().assertionCalls);
});
`,
      }),
    );
    expect(result.failed).toBe(0);
    expect(result.passed).toBe(1);
  });

  it("reports a failure with its message, expected/actual diff and learner location", async () => {
    const result = tests(
      await run({ "add.ts": "export const add = (a: number, b: number) => a - b;", "add.test.ts": addTests }),
    );
    expect(result.passed).toBe(1);
    expect(result.failed).toBe(2);
    const failure = result.tasks[0]!.tests[0]!.failure!;
    expect(failure.message).toContain("expected -1 to be 3");
    const objectFailure = result.tasks[0]!.tests[1]!.failure!;
    expect(objectFailure.diff).toContain("Expected");
    expect(objectFailure.diff).toContain('"sum": 4');
    expect(failure.location).toMatch(/^add\.test\.ts:5:\d+$/);
  });

  it("reports code that throws while loading as a load error", async () => {
    const result = tests(
      await run({ "add.ts": 'throw new Error("broken at import");\nexport const add = 1;', "add.test.ts": addTests }),
    );
    expect(result.failed).toBeGreaterThan(0);
    expect(JSON.stringify(result)).toContain("broken at import");
  });

  it("stops a synchronous infinite loop at the wall-clock limit", async () => {
    const result = await run(
      {
        "loop.ts": "export function spin() { for (;;) {} }",
        "loop.test.ts": 'import { it } from "vitest"; import { spin } from "./loop"; it("spins", () => spin());',
      },
      800,
    );
    expect(result).toEqual({ kind: "timeout", timeoutMs: 800 });
  });

  it("fails an async test that never settles with a per-test timeout", async () => {
    const result = tests(
      await run({ "hang.test.ts": 'import { it } from "vitest"; it("hangs", () => new Promise(() => {}));' }, 3000),
    );
    expect(result.failed).toBe(1);
    expect(result.tasks[0]!.tests[0]!.failure!.message).toMatch(/timed out/i);
  });

  it("still reports when learner code replaces console, Promise and setTimeout", async () => {
    const hostile = `
      (globalThis as any).console = undefined;
      (globalThis as any).setTimeout = () => { throw new Error("no timers"); };
      (globalThis as any).Promise = function Nope() { throw new Error("no promises"); };
      export const add = (a: number, b: number) => a + b;`;
    const result = await run({ "add.ts": hostile, "add.test.ts": addTests });
    expect(["tests", "crash"]).toContain(result.kind);
    expect(JSON.stringify(result).length).toBeGreaterThan(10);
  });

  it("reports an unhandled rejection as a failure", async () => {
    const result = tests(
      await run({
        "u.test.ts":
          'import { it } from "vitest"; it("leaks a rejection", async () => { void Promise.reject(new Error("nobody caught me")); await new Promise((r) => setTimeout(r, 10)); });',
      }),
    );
    expect(result.failed).toBeGreaterThan(0);
    expect(JSON.stringify(result)).toContain("nobody caught me");
  });

  it("returns a compile error with file:line:col", async () => {
    const result = await run({
      "add.ts": "export const add = (a: number, b: number) => a +;",
      "add.test.ts": addTests,
    });
    expect(result.kind).toBe("compile-error");
    if (result.kind !== "compile-error") return;
    expect(result.errors[0]).toMatchObject({ file: "add.ts", line: 1 });
  });
});

describe("sandbox runner with the Go runtime", () => {
  it("reports a deadlock with the learner's file:line and records a trace", async () => {
    const result = tests(
      await run({
        "stuck.ts": `import { makeChan } from "go";\nexport async function stuck() {\n  const ch = makeChan<number>();\n  await ch.send(1);\n}\n`,
        "stuck.test.ts": `import { it } from "vitest";\nimport * as synctest from "go/testing/synctest";\nimport { stuck } from "./stuck";\nit("does not deadlock", () => synctest.run(stuck));\n`,
      }),
    );
    const failure = result.tasks[0]!.tests[0]!.failure!;
    expect(failure.message.startsWith("fatal error: all goroutines are asleep - deadlock!")).toBe(true);
    expect(failure.message).toMatch(/\[chan send\]/);
    expect(failure.message).toContain("stuck.ts:4");
    expect(result.traces).toHaveLength(1);
    expect(result.traces[0]).toMatchObject({ outcome: "deadlock", label: "does not deadlock" });
  });

  it("reports a forgotten await with the operation and the learner's file:line", async () => {
    const result = tests(
      await run({
        "pipeline.ts": `import { go, makeChan } from "go";\nexport async function pipeline() {\n  const out = makeChan<number>();\n  go(() => {\n    out.send(1);\n  }, "producer");\n  return await out.recv();\n}\n`,
        "pipeline.test.ts": `import { it, expect } from "vitest";\nimport * as synctest from "go/testing/synctest";\nimport { pipeline } from "./pipeline";\nit("delivers", () => synctest.run(async () => expect(await pipeline()).toBe(1)));\n`,
      }),
    );
    const failure = result.tasks[0]!.tests[0]!.failure!;
    expect(failure.message).toMatch(
      /^panic: chan send at pipeline\.ts:5 was not awaited \(forgot await\?\): goroutine 2 returned while it was still pending/,
    );
    expect(failure.location).toMatch(/^pipeline\.ts:5:\d+$/);
    expect(result.traces[0]).toMatchObject({ outcome: "panic" });
  });

  it("reports an operation started while a forgotten one is pending, at the line of each", async () => {
    const result = tests(
      await run({
        "worker.ts": `import { makeChan } from "go";\nimport * as time from "go/time";\nexport async function work() {\n  const ch = makeChan<number>(1);\n  ch.send(1);\n  await time.sleep(time.Second);\n}\n`,
        "worker.test.ts": `import { it } from "vitest";\nimport * as synctest from "go/testing/synctest";\nimport { work } from "./worker";\nit("works", () => synctest.run(work));\n`,
      }),
    );
    const failure = result.tasks[0]!.tests[0]!.failure!;
    expect(failure.message).toMatch(
      /^panic: chan send at worker\.ts:5 was not awaited \(forgot await\?\): goroutine 1 went on to time\.sleep while it was still pending/,
    );
    expect(failure.message).toContain("goroutine 1 [running]:\n\tat worker.ts:6");
    expect(failure.location).toMatch(/^worker\.ts:6:\d+$/);
  });

  it("provides go/errors, go/sync/atomic, go/sync's Pool and Map and go/x/time/rate to learner code", async () => {
    const result = tests(
      await run({
        "limits.ts": `import * as errors from "go/errors";
import * as atomic from "go/sync/atomic";
import { Pool, Map } from "go/sync";
import * as rate from "go/x/time/rate";
import * as time from "go/time";
export const ErrLimited = errors.new("rate limited");
export const served = new atomic.Int64();
export const seen = new Map<string, time.Time>();
const bufs = new Pool({ new: () => [] as string[] });
const lim = rate.newLimiter(rate.every(100 * time.Millisecond), 2);
export function handle(id: string): Error | null {
  const buf = bufs.get();
  buf.push(id);
  bufs.put(buf);
  seen.store(id, time.now());
  if (!lim.allow()) return errors.errorf("request %q: %w", id, ErrLimited);
  served.add(1);
  return null;
}
`,
        "limits.test.ts": `import { it, expect } from "vitest";
import * as synctest from "go/testing/synctest";
import * as errors from "go/errors";
import { handle, ErrLimited, served, seen } from "./limits";
it("limits", () =>
  synctest.run(() => {
    const errs = ["a", "b", "c"].map(handle);
    expect(errs[2]?.message).toBe('request "c": rate limited');
    expect(errors.is(errs[2], ErrLimited)).toBe(true);
    expect(served.load()).toBe(2);
    expect(seen.load("c")[1]).toBe(true);
  }));
`,
      }),
    );
    expect(result.tasks[0]!.tests[0]!.failure).toBeUndefined();
    expect(result.tasks[0]!.tests[0]!.state).toBe("pass");
  });

  it("serves API-explorer requests with the exercise's handler after the Run", async () => {
    const handle = await runExercise({
      files: {
        "server.ts": `import { newServeMux, writeJSON } from "go/net/http";\nexport const handler = newServeMux();\nhandler.handleFunc("GET /hello/{name}", (w, r) => writeJSON(w, 200, { hello: r.pathValue("name") }));\n`,
        "server.test.ts": `import { it, expect } from "vitest";\nimport { handler } from "./server";\nit("exists", () => expect(handler).toBeDefined());\n`,
      },
      testFiles: ["server.test.ts"],
      handler: { file: "server.ts", export: "handler" },
    });
    runs.push(handle);
    expect(tests(handle.result).explorer).toBe(true);
    const message = await handle.explore({ method: "GET", path: "/hello/gopher", headers: [], body: "" });
    expect(message.type).toBe("explorer-response");
    if (message.type !== "explorer-response") return;
    expect(message.response.status).toBe(200);
    expect(JSON.parse(message.response.body)).toEqual({ hello: "gopher" });
    const missing = await handle.explore({ method: "GET", path: "/nope", headers: [], body: "" });
    if (missing.type === "explorer-response") expect(missing.response.status).toBe(404);
  });
});
