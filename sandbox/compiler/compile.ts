// Compiles an exercise (learner files + tests) from memory into one classic
// script for the sandbox worker. Each file is compiled on its own with
// esbuild's `transform` and kept per text, so a Run compiles only what
// changed; link.ts joins them. Works with esbuild-wasm in the browser and
// native esbuild in Node: both expose the same `transform` API.

import type { LessonTests } from "../protocol";
import { link } from "./link";
import {
  FileCache,
  type CompileDiagnostic,
  type CompiledFile,
  type TransformLike,
  type TransformedText,
} from "./transform";

export type { CompileDiagnostic } from "./transform";
export { entrySource, resolveRelative } from "./link";

/** The part of esbuild's API the compiler uses. */
export type EsbuildLike = TransformLike;

export interface CompileRequest {
  /** File name (flat, e.g. "limit.ts") to contents: learner files and test files. */
  files: Record<string, string>;
  /** Which of `files` are test files, in run order. */
  testFiles: string[];
  /** The learner module and export the API explorer serves, when the lesson has one. */
  handler?: { file: string; export: string } | undefined;
  /** The lesson's tests, collected at build time: the runner's verdict checks each ran and passed. */
  lessonTests?: LessonTests | undefined;
}

export type CompileResult =
  { ok: true; code: string; map: string; ms: number } | { ok: false; errors: CompileDiagnostic[]; ms: number };

/** A file the build compiled already: its text and esbuild's output for it. */
export interface SeedFile extends TransformedText {
  name: string;
  source: string;
}

/**
 * Compiles exercises again and again, fast: every file's compiled form is
 * kept by name and text (tests, lesson files and unchanged learner files are
 * compiled once), and a Run of exactly the last request's files gets the last
 * result without linking.
 */
export class IncrementalCompiler {
  private readonly cache: FileCache;
  /** The last request and its result, shared while it is being compiled. */
  private last: { key: string; result: Promise<CompileResult> } | undefined;

  constructor(esbuild: EsbuildLike) {
    this.cache = new FileCache(esbuild);
  }

  /** How many files were compiled (not found in the cache) so far. */
  get transforms(): number {
    return this.cache.transforms;
  }

  /** Keeps files the build compiled: a request made of them only never waits for esbuild. */
  seed(files: SeedFile[]): void {
    for (const file of files) this.cache.seed(file.name, file.source, file);
  }

  /**
   * Compiles `request`. Never throws for learner errors. A request equal to
   * the last one (a Run of the code compiled ahead as the learner paused)
   * gets its result, or waits for it while it is being compiled.
   */
  async compile(request: CompileRequest): Promise<CompileResult> {
    const started = performance.now();
    const names = Object.keys(request.files).sort();
    const texts = names.map((name) => request.files[name]!);
    const key = JSON.stringify([names, texts, request.testFiles, request.handler ?? null, request.lessonTests ?? null]);
    if (this.last?.key !== key) this.last = { key, result: this.build(request, names, started) };
    return { ...(await this.last.result), ms: performance.now() - started };
  }

  private async build(request: CompileRequest, names: string[], started: number): Promise<CompileResult> {
    const outcomes = await Promise.all(names.map((name) => this.cache.get(name, request.files[name]!)));
    const compiled: CompiledFile[] = [];
    const errors: CompileDiagnostic[] = [];
    for (const outcome of outcomes) {
      if (outcome.ok) compiled.push(outcome.file);
      else errors.push(...outcome.errors);
    }
    const linked = errors.length > 0 ? { ok: false as const, errors } : link(compiled, request);
    return { ...linked, ms: performance.now() - started };
  }
}

/** Compiles `request` once, with nothing kept. Never throws for learner errors. */
export function compile(esbuild: EsbuildLike, request: CompileRequest): Promise<CompileResult> {
  return new IncrementalCompiler(esbuild).compile(request);
}
