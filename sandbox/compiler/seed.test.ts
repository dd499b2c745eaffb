// Files the build compiled (src/lib/precompile.ts) seed the page's compiler:
// a Run of them never waits for esbuild, and what they give is exactly what
// the browser's esbuild-wasm would have given.
import * as esbuildWasm from "esbuild-wasm";
import { describe, expect, it } from "vitest";
import { precompileExercise } from "../../src/lib/precompile";
import type { ExerciseData } from "../../src/lib/exercise-files";
import { seedFiles } from "../../src/lib/seed-files";
import { IncrementalCompiler, type CompileRequest } from "./compile";
import { transformOptions, transformedText, type TransformLike } from "./transform";

const add = "export const add = (a: number, b: number): number => a + b;\n";
const solved = "export const add = (a: number, b: number): number => {\n  return a + b;\n};\n";
const test = `import { it, expect } from "vitest";\nimport { add } from "./add";\nit("adds", () => expect(add(1, 2)).toBe(3));\n`;

const data: ExerciseData = {
  lessonId: "m/seed",
  files: [{ name: "add.ts", contents: add, readonly: false }],
  solution: { "add.ts": solved },
  tests: [{ name: "add.test.ts", contents: test }],
  lessonTests: {},
  timeoutMs: 5000,
  hints: {},
};
const request = (code: string): CompileRequest => ({
  files: { "add.ts": code, "add.test.ts": test },
  testFiles: ["add.test.ts"],
});

/** esbuild-wasm that counts its transforms and can be told to fail. */
function counting() {
  const esbuild = {
    calls: 0,
    transform: (input: string, options: Parameters<TransformLike["transform"]>[1]) => {
      esbuild.calls++;
      return esbuildWasm.transform(input, options);
    },
  };
  return esbuild;
}

describe("build-time compiled files", () => {
  it("are byte for byte what the browser's esbuild-wasm gives", async () => {
    const seeds = await precompileExercise(data, "content/m/seed");
    expect(seeds.map((s) => `${s.from}:${s.name}`)).toEqual(["starter:add.ts", "solution:add.ts", "test:add.test.ts"]);
    for (const seed of seeds) {
      const text = seed.from === "test" ? test : seed.from === "solution" ? solved : add;
      const fresh = transformedText(await esbuildWasm.transform(text, transformOptions(seed.name)));
      expect({ code: seed.code, mappings: seed.mappings }).toEqual(fresh);
    }
  });

  it("fail the build naming the lesson's file", async () => {
    const broken = { ...data, lessonId: "m/broken", tests: [{ name: "add.test.ts", contents: "it(\n" }] };
    await expect(precompileExercise(broken, "content/m/broken")).rejects.toThrow(
      /^content\/m\/broken\/tests\/add\.test\.ts: compile: /,
    );
  });

  it("let the starter and the solution run without esbuild, and give the same bundle", async () => {
    const seeds = seedFiles({ ...data, precompiled: await precompileExercise(data, "content/m/seed") });
    const never: TransformLike = {
      transform: () => Promise.reject(new Error("esbuild is not started")),
    };
    const seeded = new IncrementalCompiler(never);
    seeded.seed(seeds);
    const plain = new IncrementalCompiler(counting());
    for (const code of [add, solved]) {
      const a = await seeded.compile(request(code));
      const b = await plain.compile(request(code));
      expect(a.ok).toBe(true);
      expect({ ...a, ms: 0 }).toEqual({ ...b, ms: 0 });
    }
    expect(seeded.transforms).toBe(0);
  });

  it("are ignored for text they were not compiled from: an edit is compiled", async () => {
    const esbuild = counting();
    const compiler = new IncrementalCompiler(esbuild);
    compiler.seed(seedFiles({ ...data, precompiled: await precompileExercise(data, "content/m/seed") }));
    const edited = await compiler.compile(request(add + "// edited\n"));
    expect(edited.ok).toBe(true);
    expect(esbuild.calls).toBe(1);
  });

  it("are matched to their text by where it is in the exercise", () => {
    const seeds = seedFiles({
      ...data,
      precompiled: [
        { from: "solution", name: "add.ts", code: "s", mappings: "" },
        { from: "test", name: "add.test.ts", code: "t", mappings: "" },
        { from: "starter", name: "missing.ts", code: "x", mappings: "" },
      ],
    });
    expect(seeds.map((s) => [s.name, s.source])).toEqual([
      ["add.ts", solved],
      ["add.test.ts", test],
    ]);
  });
});

describe("compiling ahead", () => {
  it("gives a Run of the same code the result being compiled, without compiling or linking again", async () => {
    const esbuild = counting();
    const compiler = new IncrementalCompiler(esbuild);
    const ahead = compiler.compile(request(add));
    const run = compiler.compile(request(add));
    const [a, b] = await Promise.all([ahead, run]);
    expect(esbuild.calls).toBe(2);
    expect(a.ok && b.ok && a.code === b.code).toBe(true);
    // A different request afterwards is compiled on its own.
    await compiler.compile(request(solved));
    expect(esbuild.calls).toBe(3);
  });
});
