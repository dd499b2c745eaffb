import * as esbuild from "esbuild";
import { describe, expect, it } from "vitest";
import { IncrementalCompiler, compile, entrySource, resolveRelative } from "./compile";

const tests = `import { describe, it, expect } from "vitest";\nimport { add } from "./add";\ndescribe("t", () => it("adds", () => expect(add(1, 2)).toBe(3)));\n`;

describe("compile", () => {
  it("compiles learner files and tests into one script with a source map of every file", async () => {
    const result = await compile(esbuild, {
      files: { "add.ts": "export const add = (a: number, b: number): number => a + b;\n", "add.test.ts": tests },
      testFiles: ["add.test.ts"],
    });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.code).toContain("__testFiles");
    // The table is captured once, when the bundle starts; modules read it from there.
    expect(result.code).toContain('var __table = globalThis["__platformModules"];');
    expect(JSON.parse(result.map).sources).toEqual(["learner:add.test.ts", "learner:add.ts"]);
  });

  it("reports a syntax error with file, 1-based line and column", async () => {
    const result = await compile(esbuild, {
      files: { "add.ts": "export const add = (a: number) => {\n  return a +;\n};\n", "add.test.ts": tests },
      testFiles: ["add.test.ts"],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      { file: "add.ts", line: 2, column: 13, message: 'Unexpected ";"', lineText: "  return a +;" },
    ]);
  });

  it("reports the errors of every file", async () => {
    const result = await compile(esbuild, {
      files: { "add.ts": "export const add = (;\n", "add.test.ts": "describe(\n" },
      testFiles: ["add.test.ts"],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => `${e.file}:${e.line}`)).toEqual(["add.test.ts:2", "add.ts:1"]);
  });

  // Go's compiler reports an unknown import at the import's path: so does this one, in every form of import.
  it.each([
    { form: "import", source: '// lodash\nimport _ from "lodash";\nexport const add = _;\n', line: 2, column: 15 },
    { form: "export from", source: 'export { x } from "./nope";\n', line: 1, column: 19 },
    { form: "export * from", source: "export const a = 1;\n  export * from 'fs';\n", line: 2, column: 17 },
    {
      form: "dynamic import",
      source: 'export const add = 1;\nexport const later = () =>\n  import("node:fs");\n',
      line: 3,
      column: 10,
    },
    {
      form: "require",
      source: 'declare const require: (s: string) => unknown;\nrequire("fs");\nexport {};\n',
      line: 2,
      column: 9,
    },
  ])(
    "rejects an unavailable module ($form) at the file, line and column of its name",
    async ({ source, line, column }) => {
      const result = await compile(esbuild, {
        files: { "add.ts": source, "add.test.ts": 'import "./add";\n' },
        testFiles: ["add.test.ts"],
      });
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.errors).toHaveLength(1);
      expect(result.errors[0]).toMatchObject({ file: "add.ts", line, column, lineText: source.split("\n")[line - 1] });
    },
  );

  it("names what is available, or the files there are", async () => {
    const result = await compile(esbuild, {
      files: { "add.ts": 'import _ from "lodash";\nexport const add = _;\n', "a.test.ts": 'import "./nope";' },
      testFiles: ["a.test.ts"],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.message)).toEqual([
      'Cannot find file "./nope" (files: a.test.ts, add.ts)',
      expect.stringMatching(/^Cannot import "lodash": only these modules are available: vitest, go, go\/sync, /),
    ]);
  });

  it("drops imports used only as types, as TypeScript does, so they need no module", async () => {
    const result = await compile(esbuild, {
      files: {
        "add.ts":
          'import { Thing } from "./types";\nimport type { Other } from "lodash";\nexport const t: Thing | Other = 1;\n',
        "types.ts": "export type Thing = number;\n",
        "add.test.ts": 'import "./add";\n',
      },
      testFiles: ["add.test.ts"],
    });
    expect(result.ok).toBe(true);
  });
});

describe("entrySource", () => {
  it("loads each test file lazily and exposes the explorer handler", () => {
    const source = entrySource({ testFiles: ["a.test.ts"], handler: { file: "server.ts", export: "handler" } });
    expect(source).toContain('"a.test.ts": () => Promise.resolve().then(() => __load("a.test.ts"))');
    expect(source).toContain('Promise.resolve().then(() => __load("server.ts")["handler"])');
  });
});

describe("resolveRelative", () => {
  it("tries the name, then .ts, .tsx and index.ts", () => {
    const files = { "a.ts": "", "b.tsx": "", "c/index.ts": "" };
    expect(resolveRelative(files, "./a")).toBe("a.ts");
    expect(resolveRelative(files, "./b")).toBe("b.tsx");
    expect(resolveRelative(files, "./c")).toBe("c/index.ts");
    expect(resolveRelative(files, "./d")).toBeUndefined();
    expect(resolveRelative(files, "./constructor")).toBeUndefined();
  });
});

describe("IncrementalCompiler", () => {
  const base = { "add.ts": "export const add = (a: number, b: number) => a + b;\n", "add.test.ts": tests };

  it("recompiles edits and reports new errors, then recovers", async () => {
    const compiler = new IncrementalCompiler(esbuild);
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
    expect(fixed.ok && fixed.code).not.toContain("a + b");
  });

  it("compiles only the files whose name or text changed", async () => {
    const compiler = new IncrementalCompiler(esbuild);
    const first = await compiler.compile({ files: base, testFiles: ["add.test.ts"] });
    expect(compiler.transforms).toBe(2);
    const again = await compiler.compile({ files: { ...base }, testFiles: ["add.test.ts"] });
    expect(compiler.transforms).toBe(2);
    expect(again.ok && again.code).toBe(first.ok && first.code);
    const edited = await compiler.compile({
      files: { ...base, "add.ts": base["add.ts"] + " " },
      testFiles: ["add.test.ts"],
    });
    expect(compiler.transforms).toBe(3);
    expect(edited.ok).toBe(true);
    // Back to the first text: kept, not compiled again.
    await compiler.compile({ files: base, testFiles: ["add.test.ts"] });
    expect(compiler.transforms).toBe(3);
    // A file renamed, with the same text, is another file.
    await compiler.compile({ files: { "sum.ts": base["add.ts"], "add.test.ts": tests }, testFiles: ["add.test.ts"] });
    expect(compiler.transforms).toBe(4);
  });

  it("compiles a file once when two Runs ask for it at the same time", async () => {
    const compiler = new IncrementalCompiler(esbuild);
    const [a, b] = await Promise.all([
      compiler.compile({ files: base, testFiles: ["add.test.ts"] }),
      compiler.compile({ files: base, testFiles: ["add.test.ts"], lessonTests: {} }),
    ]);
    expect(compiler.transforms).toBe(2);
    expect(a.ok && b.ok).toBe(true);
  });
});
