// Reads a lesson's exercise folders (starter/, solution/, tests/) from disk
// at build time and checks them against the lesson's frontmatter. Every
// problem is reported with the file and field at fault, so a broken lesson
// fails the build with a message an instructor can act on.

import fs from "node:fs";
import path from "node:path";
import type { Locale } from "../i18n/locales";
import type { TestTranslation } from "../i18n/test-text";
import type { LessonTests } from "../../sandbox/protocol";
import { collectLessonTests } from "./lesson-tests";

export interface ExerciseConfig {
  files?: string[] | undefined;
  readonly: string[];
  timeoutMs: number;
  hints: Record<string, string>;
  handler?: { file: string; export: string } | undefined;
}

export interface ExerciseFile {
  name: string;
  contents: string;
  readonly: boolean;
}

/**
 * A file the build compiled with the browser's own compiler and options
 * (src/lib/precompile.ts): the page's compile worker keeps it, so a Run of
 * the code an exercise opens with, or of its solution, never waits for
 * esbuild-wasm to start. `from` says where its text is in the exercise data.
 */
export interface PrecompiledFile {
  from: "starter" | "solution" | "test";
  name: string;
  code: string;
  mappings: string;
}

/** Everything the exercise island needs, serialised into the lesson page. */
export interface ExerciseData {
  lessonId: string;
  /** Starter files in tab order. */
  files: ExerciseFile[];
  /** Reference versions of the files that change. */
  solution: Record<string, string>;
  tests: { name: string; contents: string }[];
  /** Every lesson test, per test file: a Run completes the lesson only if each ran and passed. */
  lessonTests: LessonTests;
  timeoutMs: number;
  hints: Record<string, string>;
  handler?: { file: string; export: string } | undefined;
  /** The next lesson, linked from the results once every task is done. */
  next?: { title: string; href: string } | undefined;
  /** The lesson ends with a quiz. */
  hasQuiz?: boolean;
  /** The starter, solution and test files compiled at build time. */
  precompiled?: PrecompiledFile[];
  /** The page's language; the exercise UI speaks it (src/i18n/messages/). Absent means English. */
  locale?: Locale;
  /**
   * Test names and failure messages in the page's language (from the lesson's
   * translation); the sandbox reports them in English. Absent on English pages.
   */
  testText?: TestTranslation;
}

export class LessonError extends Error {
  constructor(file: string, field: string, problem: string) {
    super(`${file}: ${field}: ${problem}`);
    this.name = "LessonError";
  }
}

function listTs(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((name) => /\.tsx?$/.test(name))
    .sort();
}

function readAll(dir: string, names: string[]): Record<string, string> {
  return Object.fromEntries(names.map((name) => [name, fs.readFileSync(path.join(dir, name), "utf8")]));
}

/**
 * Loads the exercise of the lesson in `lessonDir` (e.g. "content/01-x/02-y").
 * `lessonId` is the lesson's path below content/.
 */
export function loadExercise(lessonDir: string, lessonId: string, config: ExerciseConfig): ExerciseData {
  const index = path.join(lessonDir, "index.mdx");
  const starterDir = path.join(lessonDir, "starter");
  const starterNames = listTs(starterDir);
  if (starterNames.length === 0)
    throw new LessonError(starterDir, "starter/", "an exercise needs at least one .ts file in starter/");
  const testNames = listTs(path.join(lessonDir, "tests")).filter((n) => n.endsWith(".test.ts"));
  if (testNames.length === 0)
    throw new LessonError(
      path.join(lessonDir, "tests"),
      "tests/",
      "an exercise needs at least one *.test.ts file in tests/",
    );
  const solutionNames = listTs(path.join(lessonDir, "solution"));
  if (solutionNames.length === 0)
    throw new LessonError(path.join(lessonDir, "solution"), "solution/", "an exercise needs a reference solution");

  for (const name of solutionNames) {
    if (!starterNames.includes(name))
      throw new LessonError(
        path.join(lessonDir, "solution", name),
        "solution/",
        `"${name}" has no starter file of the same name`,
      );
  }
  for (const name of testNames) {
    if (starterNames.includes(name))
      throw new LessonError(path.join(lessonDir, "tests", name), "tests/", `"${name}" clashes with a starter file`);
  }
  const order = config.files ?? starterNames;
  for (const name of order) {
    if (!starterNames.includes(name))
      throw new LessonError(index, "exercise.files", `"${name}" is not a file in starter/`);
  }
  for (const name of config.readonly) {
    if (!starterNames.includes(name))
      throw new LessonError(index, "exercise.readonly", `"${name}" is not a file in starter/`);
  }
  if (config.handler && !starterNames.includes(config.handler.file)) {
    throw new LessonError(index, "exercise.handler.file", `"${config.handler.file}" is not a file in starter/`);
  }

  const starter = readAll(starterDir, starterNames);
  const tests = readAll(path.join(lessonDir, "tests"), testNames);
  const allTests = Object.values(tests).join("\n");
  for (const title of Object.keys(config.hints)) {
    if (!allTests.includes(JSON.stringify(title)) && !allTests.includes(`'${title}'`)) {
      throw new LessonError(index, `exercise.hints["${title}"]`, "no describe block in tests/ has this exact title");
    }
  }
  let lessonTests: LessonTests;
  try {
    lessonTests = collectLessonTests(tests);
  } catch (error) {
    throw new LessonError(path.join(lessonDir, "tests"), "tests/", `collecting the tests failed: ${String(error)}`);
  }
  const rest = starterNames.filter((n) => !order.includes(n));
  return {
    lessonId,
    files: [...order, ...rest].map((name) => ({
      name,
      contents: starter[name]!,
      readonly: config.readonly.includes(name),
    })),
    solution: readAll(path.join(lessonDir, "solution"), solutionNames),
    tests: testNames.map((name) => ({ name, contents: tests[name]! })),
    lessonTests,
    timeoutMs: config.timeoutMs,
    hints: config.hints,
    handler: config.handler,
  };
}
