// Compiles an exercise's own files at build time, with esbuild-wasm (the
// browser's compiler, same version, same options: sandbox/compiler/transform.ts),
// so the page can ship them compiled and its first Run need not wait for
// esbuild-wasm to start in the browser. Native esbuild is another version.

import * as esbuild from "esbuild-wasm";
import { transformOptions, transformedText } from "../../sandbox/compiler/transform";
import { LessonError, type ExerciseData, type PrecompiledFile } from "./exercise-files";

/** The files of `data` to compile: starter, solution where it differs, tests. */
function sources(data: ExerciseData): { from: PrecompiledFile["from"]; name: string; text: string }[] {
  const starter = new Map(data.files.map((f) => [f.name, f.contents]));
  return [
    ...data.files.map((f) => ({ from: "starter" as const, name: f.name, text: f.contents })),
    ...Object.entries(data.solution)
      .filter(([name, text]) => starter.get(name) !== text)
      .map(([name, text]) => ({ from: "solution" as const, name, text })),
    ...data.tests.map((t) => ({ from: "test" as const, name: t.name, text: t.contents })),
  ];
}

/** Each lesson is compiled once per build, however many languages show it. */
const done = new Map<string, Promise<PrecompiledFile[]>>();

/**
 * The exercise's files compiled. A file esbuild rejects fails the build with
 * its lesson folder and name (check-lessons grades every variant, so a
 * lesson that reaches the build compiles).
 */
export function precompileExercise(data: ExerciseData, lessonDir: string): Promise<PrecompiledFile[]> {
  let files = done.get(data.lessonId);
  if (!files) {
    files = Promise.all(
      sources(data).map(async ({ from, name, text }) => {
        try {
          const output = transformedText(await esbuild.transform(text, transformOptions(name)));
          return { from, name, ...output };
        } catch (error) {
          const first = (error as { errors?: { text: string }[] }).errors?.[0]?.text ?? String(error);
          throw new LessonError(`${lessonDir}/${from === "test" ? "tests" : from}/${name}`, "compile", first);
        }
      }),
    );
    done.set(data.lessonId, files);
  }
  return files;
}
