import * as esbuild from "esbuild";
import vm from "node:vm";
import { describe, expect, it } from "vitest";
import { StackMapper } from "../runner/stack-mapper";
import { compile, type CompileRequest } from "./compile";

const BUNDLE_URL = "blob:nodejs/0b6e8c4e-bundle";

interface Loaded {
  testFiles: Record<string, () => Promise<Record<string, unknown>>>;
  lessonTests: unknown;
  handler: (() => Promise<unknown>) | undefined;
  log: string[];
  map: string;
}

/** Compiles `request` and runs the bundle as the sandbox worker does, with a fake platform table. */
async function load(request: CompileRequest, table: Record<string, unknown> = {}): Promise<Loaded> {
  const result = await compile(esbuild, request);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  const log: string[] = [];
  const context = vm.createContext({ __platformModules: table, log: (s: string) => log.push(s), Promise, Error });
  context.self = context;
  vm.runInContext(result.code, context, { filename: BUNDLE_URL });
  return {
    testFiles: context.__testFiles,
    lessonTests: context.__lessonTests,
    handler: context.__explorerHandler,
    log,
    map: result.map,
  };
}

const run = (loaded: Loaded, name = "a.test.ts") => loaded.testFiles[name]!();

describe("link", () => {
  it("runs no file until the runner imports a test file, then each once, in import order", async () => {
    const loaded = await load({
      files: {
        "a.test.ts": 'import { b } from "./b";\nimport "./c";\nlog("test " + b);\n',
        "b.ts": 'import "./c";\nlog("b");\nexport const b = 2;\n',
        "c.ts": 'log("c");\nexport {};\n',
      },
      testFiles: ["a.test.ts"],
    });
    expect(loaded.log).toEqual([]);
    await run(loaded);
    await run(loaded);
    expect(loaded.log).toEqual(["c", "b", "test 2"]);
  });

  it('resolves "./x", "./x.ts" and "./x/index.ts"', async () => {
    const loaded = await load({
      files: {
        "a.test.ts":
          'import { x } from "./x";\nimport { y } from "./y.ts";\nimport { z } from "./z";\nlog([x, y, z].join());\n',
        "x.ts": "export const x = 1;",
        "y.ts": "export const y = 2;",
        "z/index.ts": "export const z = 3;",
      },
      testFiles: ["a.test.ts"],
    });
    await run(loaded);
    expect(loaded.log).toEqual(["1,2,3"]);
  });

  it("serves import cycles with live bindings, as ES modules do", async () => {
    const loaded = await load({
      files: {
        "a.test.ts": 'import { even } from "./even";\nlog(String(even(10)) + String(even(7)));\n',
        "even.ts":
          'import { odd } from "./odd";\nexport function even(n: number): boolean { return n === 0 || odd(n - 1); }\n',
        "odd.ts":
          'import { even } from "./even";\nexport function odd(n: number): boolean { return n !== 0 && even(n - 1); }\nexport let calls = 0;\n',
      },
      testFiles: ["a.test.ts"],
    });
    await run(loaded);
    expect(loaded.log).toEqual(["truefalse"]);
  });

  it("reads a binding in a cycle before its module set it as an error, as ES modules do", async () => {
    const loaded = await load({
      files: {
        "a.test.ts": 'import "./p";\n',
        "p.ts": 'import { q } from "./q";\nexport const p = 1;\nlog("p " + q);\n',
        "q.ts": 'import { p } from "./p";\nexport const q = 2;\nlog("q " + p);\n',
      },
      testFiles: ["a.test.ts"],
    });
    await expect(run(loaded)).rejects.toThrow("Cannot access 'p' before initialization");
  });

  it("supports default exports, export * from, and re-exports of types", async () => {
    const loaded = await load({
      files: {
        "a.test.ts":
          'import Shape, { area, unit } from "./shapes";\nimport type { Point } from "./types";\nconst p: Point = { x: 1 };\nlog([new Shape().name, area(2), unit, p.x].join());\n',
        "shapes.ts":
          'export default class Shape { name = "shape"; }\nexport * from "./area";\nexport { type Point } from "./types";\nexport type { Point as P } from "./types";\n',
        "area.ts": 'export const area = (r: number) => r * r;\nexport const unit = "m2";\nexport default 99;\n',
        "types.ts": "export interface Point { x: number }\n",
      },
      testFiles: ["a.test.ts"],
    });
    await run(loaded);
    expect(loaded.log).toEqual(["shape,4,m2,1"]);
  });

  it("serves dynamic import() from the bundle", async () => {
    const loaded = await load({
      files: {
        "a.test.ts": 'import("./later").then((m) => log(m.later));\n',
        "later.ts": 'export const later = "later";\n',
      },
      testFiles: ["a.test.ts"],
    });
    await run(loaded);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(loaded.log).toEqual(["later"]);
  });

  it("gives test files the lesson vitest and learner files their own; go modules from the platform table", async () => {
    const table = { vitest: { who: "lesson" }, "vitest/learner": { who: "learner" }, "go/sync": { who: "sync" } };
    const loaded = await load(
      {
        files: {
          "a.test.ts":
            'import * as v from "vitest";\nimport { mine } from "./mine";\nimport { who } from "go/sync";\nlog([v.who, mine, who].join());\n',
          "mine.ts": 'import { who } from "vitest";\nexport const mine = who;\n',
        },
        testFiles: ["a.test.ts"],
      },
      table,
    );
    await run(loaded);
    expect(loaded.log).toEqual(["lesson,learner,sync"]);
  });

  it("throws a module's error to every importer, running it once, as ES modules do", async () => {
    const loaded = await load({
      files: {
        "a.test.ts": 'import "./boom";\n',
        "b.test.ts": 'import "./boom";\n',
        "boom.ts": 'log("ran");\nthrow new Error("boom");\n',
      },
      testFiles: ["a.test.ts", "b.test.ts"],
    });
    await expect(run(loaded, "a.test.ts")).rejects.toThrow("boom");
    await expect(run(loaded, "b.test.ts")).rejects.toThrow("boom");
    expect(loaded.log).toEqual(["ran"]);
  });

  it("rejects a require the compiler could not see, with the list of modules", async () => {
    const loaded = await load({
      files: { "a.test.ts": 'const name = "f" + "s";\nrequire(name);\n' },
      testFiles: ["a.test.ts"],
    });
    await expect(run(loaded)).rejects.toThrow(/Cannot import "fs": only these modules are available: vitest, go/);
  });

  it("exposes the lesson's tests and the explorer handler", async () => {
    const loaded = await load({
      files: { "a.test.ts": "", "server.ts": "export const handler = (x: number) => x + 1;\n" },
      testFiles: ["a.test.ts"],
      handler: { file: "server.ts", export: "handler" },
      lessonTests: { "a.test.ts": [["t", "adds"]] },
    });
    expect(loaded.lessonTests).toEqual({ "a.test.ts": [["t", "adds"]] });
    const handler = (await loaded.handler!()) as (x: number) => number;
    expect(handler(1)).toBe(2);
  });

  it("maps stack frames through the joined source map to each file's own line and column", async () => {
    const loaded = await load({
      files: {
        "a.test.ts":
          'import { check } from "./check";\n\ntry {\n  check(-1);\n} catch (e) {\n  log((e as Error).stack!);\n}\n',
        "check.ts":
          'import { Mutex } from "go/sync";\n\nexport function check(n: number): void {\n  if (n < 0) {\n    throw new Error("negative");\n  }\n}\n',
        "z.ts": "export const unused = 1;\n",
      },
      testFiles: ["a.test.ts"],
    });
    await run(loaded);
    const mapper = new StackMapper(loaded.map, BUNDLE_URL);
    // The innermost learner frame, then the next one: the stack below the first.
    const stack = loaded.log[0]!;
    const lines = stack.split("\n");
    const at = lines.findIndex((line) => mapper.locate(line) !== undefined);
    expect(mapper.locate(stack)).toBe("check.ts:5:11");
    expect(mapper.locate(lines.slice(at + 1).join("\n"))).toBe("a.test.ts:4:3");
  });
});
