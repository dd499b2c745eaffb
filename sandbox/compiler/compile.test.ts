import * as esbuild from "esbuild";
import { describe, expect, it } from "vitest";
import { IncrementalCompiler, compile, entrySource, resolveRelative } from "./compile";

const tests = `import { describe, it, expect } from "vitest";\nimport { add } from "./add";\ndescribe("t", () => it("adds", () => expect(add(1, 2)).toBe(3)));\n`;

describe("compile", () => {
  it("gives learner files the learner vitest and test files the lesson one; the entry lists the lesson tests", async () => {
    const result = await compile(esbuild, {
      files: {
        "add.ts":
          'import { it } from "vitest";\nit("mine", () => {});\nexport const add = (a: number, b: number) => a + b;\n',
        "add.test.ts": tests,
      },
      testFiles: ["add.test.ts"],
      lessonTests: { "add.test.ts": [["t", "adds"]] },
    });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.code).toContain('["vitest/learner"]');
    expect(result.code).toContain('["vitest"]');
    expect(result.code).toContain('self.__lessonTests = { "add.test.ts": [["t", "adds"]] }');
  });

  it("bundles learner files and tests into one script with a source map", async () => {
    const result = await compile(esbuild, {
      files: { "add.ts": "export const add = (a: number, b: number): number => a + b;\n", "add.test.ts": tests },
      testFiles: ["add.test.ts"],
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.code).toContain("__testFiles");
    // The table is captured once, when the bundle starts; modules read it from there.
    expect(result.code).toContain('module.exports = globalThis["__platformModules"];');
    expect(result.code).toContain('["vitest"]');
    expect(JSON.parse(result.map).sources).toEqual(expect.arrayContaining(["learner:add.ts", "learner:add.test.ts"]));
  });

  it("reports a syntax error with file, 1-based line and column", async () => {
    const result = await compile(esbuild, {
      files: { "add.ts": "export const add = (a: number) => {\n  return a +;\n};\n", "add.test.ts": tests },
      testFiles: ["add.test.ts"],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]).toMatchObject({ file: "add.ts", line: 2, column: 13, lineText: "  return a +;" });
  });

  it("rejects imports outside the platform's allow-list and lists what is available", async () => {
    const result = await compile(esbuild, {
      files: { "add.ts": 'import _ from "lodash";\nexport const add = _;\n', "add.test.ts": tests },
      testFiles: ["add.test.ts"],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]!.message).toMatch(
      /Cannot import "lodash": only these modules are available: vitest, go, go\/sync/,
    );
    expect(result.errors[0]!.file).toBe("add.ts");
    expect(result.errors[0]!.line).toBe(1);
  });

  it("reports a missing relative file by name", async () => {
    const result = await compile(esbuild, { files: { "a.test.ts": 'import "./nope";' }, testFiles: ["a.test.ts"] });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]!.message).toContain('Cannot find file "./nope"');
  });
});

describe("entrySource", () => {
  it("loads each test file lazily and exposes the explorer handler", () => {
    const source = entrySource({
      files: {},
      testFiles: ["a.test.ts"],
      handler: { file: "server.ts", export: "handler" },
    });
    expect(source).toContain('"a.test.ts": () => import("./a.test.ts")');
    expect(source).toContain('import("./server.ts").then((m) => m["handler"])');
  });
});

describe("resolveRelative", () => {
  it("tries the name, then .ts, .tsx and index.ts", () => {
    const files = { "a.ts": "", "b.tsx": "", "c/index.ts": "" };
    expect(resolveRelative(files, "./a")).toBe("a.ts");
    expect(resolveRelative(files, "./b")).toBe("b.tsx");
    expect(resolveRelative(files, "./c")).toBe("c/index.ts");
    expect(resolveRelative(files, "./d")).toBeUndefined();
  });
});

describe("IncrementalCompiler", () => {
  it("recompiles edits and reports new errors, then recovers", async () => {
    const compiler = new IncrementalCompiler(esbuild);
    const base = { "add.ts": "export const add = (a: number, b: number) => a + b;\n", "add.test.ts": tests };
    const first = await compiler.compile({ files: base, testFiles: ["add.test.ts"] });
    expect(first.ok && first.code).toContain("a + b");
    const broken = await compiler.compile({
      files: { ...base, "add.ts": "export const add = (a: number) =>;\n" },
      testFiles: ["add.test.ts"],
    });
    expect(broken.ok).toBe(false);
    const fixed = await compiler.compile({
      files: { ...base, "add.ts": "export const add = (a: number, b: number) => a * b;\n" },
      testFiles: ["add.test.ts"],
    });
    expect(fixed.ok && fixed.code).toContain("a * b");
    const reshaped = await compiler.compile({
      files: { ...base, "extra.ts": "export {};" },
      testFiles: ["add.test.ts"],
    });
    expect(reshaped.ok).toBe(true);
    await compiler.dispose();
  });

  it("answers a Run of unchanged files without a build, and builds again after any edit", async () => {
    let builds = 0;
    const counting = {
      build: esbuild.build,
      context: async (o: esbuild.BuildOptions & { write: false }) => {
        const context = await esbuild.context(o);
        return Object.assign(Object.create(context) as esbuild.BuildContext, {
          rebuild: () => (builds++, context.rebuild()),
          dispose: () => context.dispose(),
        });
      },
    };
    const compiler = new IncrementalCompiler(counting);
    const base = { "add.ts": "export const add = (a: number, b: number) => a + b;\n", "add.test.ts": tests };
    const first = await compiler.compile({ files: base, testFiles: ["add.test.ts"] });
    const again = await compiler.compile({ files: { ...base }, testFiles: ["add.test.ts"] });
    expect(builds).toBe(1);
    expect(again.ok && again.code).toBe(first.ok && first.code);
    const edited = await compiler.compile({
      files: { ...base, "add.ts": base["add.ts"] + " " },
      testFiles: ["add.test.ts"],
    });
    expect(builds).toBe(2);
    expect(edited.ok).toBe(true);
    // A file renamed, with the same texts, is another input.
    await compiler.compile({ files: { "sum.ts": base["add.ts"], "add.test.ts": tests }, testFiles: ["add.test.ts"] });
    expect(builds).toBe(3);
    await compiler.dispose();
  });
});
