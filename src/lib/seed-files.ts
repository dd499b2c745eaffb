// The page side of build-time compiled files (src/lib/precompile.ts): each
// is paired with the exercise text it was compiled from, for the compile
// worker to keep. Runs in the browser; precompile.ts runs in the build.

import type { SeedFile } from "../../sandbox/compiler/compile";
import type { ExerciseData } from "./exercise-files";

/** The files the build compiled, each with the text it was compiled from. */
export function seedFiles(data: ExerciseData): SeedFile[] {
  const starter = new Map(data.files.map((f) => [f.name, f.contents]));
  const tests = new Map(data.tests.map((t) => [t.name, t.contents]));
  const out: SeedFile[] = [];
  for (const file of data.precompiled ?? []) {
    const from = file.from === "starter" ? starter : file.from === "test" ? tests : undefined;
    const source = from
      ? from.get(file.name)
      : Object.hasOwn(data.solution, file.name)
        ? data.solution[file.name]
        : undefined;
    if (source !== undefined) out.push({ name: file.name, source, code: file.code, mappings: file.mappings });
  }
  return out;
}
