// Bundles an exercise (learner files + tests) from memory into one classic
// script for the sandbox worker. Works with esbuild-wasm in the browser and
// native esbuild in Node: both expose the same `build` API.

import type { BuildContext, BuildOptions, BuildResult, Message, Plugin } from "esbuild-wasm";
import { LEARNER_VITEST, PLATFORM_GLOBAL, PLATFORM_MODULES, isPlatformModule } from "../modules";
import type { LessonTests } from "../protocol";
import type { PlatformText } from "../platform-text";

export interface EsbuildLike {
  build(options: BuildOptions & { write: false }): Promise<BuildResult>;
  context(options: BuildOptions & { write: false }): Promise<BuildContext>;
}

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

/** A compile diagnostic, 1-based line and column, as shown to learners. */
export interface CompileDiagnostic {
  file: string;
  line: number;
  column: number;
  message: string;
  /** Set when the platform, not esbuild, wrote the message (the compiler failed to start). */
  platform?: PlatformText;
  lineText: string;
}

export type CompileResult =
  { ok: true; code: string; map: string; ms: number } | { ok: false; errors: CompileDiagnostic[]; ms: number };

const ENTRY = "<entry>";
/** The platform-module table, captured when the bundle starts (the runner then deletes the global). */
const TABLE = "<platform-table>";

/**
 * Generates the entry module: it captures the platform-module table, and
 * each test file loads lazily, when the runner imports it, so no learner
 * code runs before the runner has started.
 */
export function entrySource(request: CompileRequest): string {
  const tests = request.testFiles
    .map((name) => `  ${JSON.stringify(name)}: () => import(${JSON.stringify("./" + name)}),`)
    .join("\n");
  let source = `import ${JSON.stringify(TABLE)};\nself.__testFiles = {\n${tests}\n};\n`;
  source += `self.__lessonTests = ${JSON.stringify(request.lessonTests ?? {})};\n`;
  if (request.handler) {
    const file = JSON.stringify("./" + request.handler.file);
    const name = JSON.stringify(request.handler.export);
    source += `self.__explorerHandler = () => import(${file}).then((m) => m[${name}]);\n`;
  }
  return source;
}

/** Resolves "./x", "./x.ts" and "./x/index.ts" against the flat in-memory file set. */
export function resolveRelative(files: Record<string, string>, specifier: string): string | undefined {
  const name = specifier.replace(/^\.\//, "");
  for (const candidate of [name, `${name}.ts`, `${name}.tsx`, `${name}/index.ts`]) {
    if (candidate in files) return candidate;
  }
  return undefined;
}

/** `current()` is read on every build, so one esbuild context can serve many Runs. */
function memoryPlugin(current: () => CompileRequest): Plugin {
  return {
    name: "memory",
    setup(build) {
      build.onResolve({ filter: /.*/ }, (args) => {
        const request = current();
        if (args.path === ENTRY) return { path: ENTRY, namespace: "entry" };
        if (args.path === TABLE && (args.namespace === "entry" || args.namespace === "platform"))
          return { path: TABLE, namespace: "table" };
        if (args.path.startsWith("./") || args.path.startsWith("../")) {
          const found = resolveRelative(request.files, args.path);
          if (found) return { path: found, namespace: "learner" };
          return {
            errors: [{ text: `Cannot find file "${args.path}" (files: ${Object.keys(request.files).join(", ")})` }],
          };
        }
        // Learner files get their own "vitest": their tests are shown apart and never count.
        if (args.path === "vitest" && args.namespace === "learner" && !request.testFiles.includes(args.importer))
          return { path: LEARNER_VITEST, namespace: "platform" };
        if (isPlatformModule(args.path)) return { path: args.path, namespace: "platform" };
        return {
          errors: [
            {
              text: `Cannot import "${args.path}": only these modules are available: ${PLATFORM_MODULES.join(", ")}`,
            },
          ],
        };
      });
      build.onLoad({ filter: /.*/, namespace: "entry" }, () => ({ contents: entrySource(current()), loader: "js" }));
      build.onLoad({ filter: /.*/, namespace: "learner" }, (args) => ({
        contents: current().files[args.path],
        loader: args.path.endsWith(".tsx") ? "tsx" : "ts",
      }));
      build.onLoad({ filter: /.*/, namespace: "table" }, () => ({
        contents: `module.exports = globalThis[${JSON.stringify(PLATFORM_GLOBAL)}];`,
        loader: "js",
      }));
      build.onLoad({ filter: /.*/, namespace: "platform" }, (args) => ({
        contents: `module.exports = require(${JSON.stringify(TABLE)})[${JSON.stringify(args.path)}];`,
        loader: "js",
      }));
    },
  };
}

function toDiagnostic(message: Message): CompileDiagnostic {
  const loc = message.location;
  return {
    file: loc?.file.replace(/^(learner|entry|platform):/, "") ?? "",
    line: loc?.line ?? 0,
    column: (loc?.column ?? 0) + 1,
    message: message.text,
    lineText: loc?.lineText ?? "",
  };
}

function options(current: () => CompileRequest): BuildOptions & { write: false } {
  return {
    entryPoints: [ENTRY],
    bundle: true,
    write: false,
    format: "iife",
    target: "es2022",
    outfile: "bundle.js",
    sourcemap: "external",
    sourcesContent: false,
    logLevel: "silent",
    plugins: [memoryPlugin(current)],
  };
}

function toResult(result: BuildResult, started: number): CompileResult {
  const js = result.outputFiles?.find((f) => f.path.endsWith(".js"));
  const map = result.outputFiles?.find((f) => f.path.endsWith(".map"));
  return { ok: true, code: js?.text ?? "", map: map?.text ?? "", ms: performance.now() - started };
}

function toFailure(error: unknown, started: number): CompileResult {
  const errors = (error as { errors?: Message[] }).errors;
  if (Array.isArray(errors) && errors.length > 0) {
    return { ok: false, errors: errors.map(toDiagnostic), ms: performance.now() - started };
  }
  const message = error instanceof Error ? error.message : String(error);
  return {
    ok: false,
    errors: [{ file: "", line: 0, column: 0, message, lineText: "" }],
    ms: performance.now() - started,
  };
}

/** Bundles the request into an IIFE with an external source map. Never throws for learner errors. */
export async function compile(esbuild: EsbuildLike, request: CompileRequest): Promise<CompileResult> {
  const started = performance.now();
  try {
    return toResult(await esbuild.build(options(() => request)), started);
  } catch (error) {
    return toFailure(error, started);
  }
}

/**
 * Compiles one exercise again and again, fast: an esbuild context is kept per
 * exercise shape (file names, tests, handler), so a Run re-parses only the
 * files whose text changed, and a Run of exactly the last request's files
 * gets the last result without a build.
 */
export class IncrementalCompiler {
  private context: BuildContext | undefined;
  private shape = "";
  private request: CompileRequest = { files: {}, testFiles: [] };
  private last: { key: string; result: CompileResult } | undefined;

  constructor(private readonly esbuild: EsbuildLike) {}

  async compile(request: CompileRequest): Promise<CompileResult> {
    const started = performance.now();
    const names = Object.keys(request.files).sort();
    const shape = JSON.stringify([names, request.testFiles, request.handler ?? null, request.lessonTests ?? null]);
    // The build is a function of the shape and the texts: the same input, the same bundle.
    const key = JSON.stringify([shape, names.map((name) => request.files[name])]);
    if (this.last?.key === key) return { ...this.last.result, ms: performance.now() - started };
    this.request = request;
    let result: CompileResult;
    try {
      if (!this.context || shape !== this.shape) {
        await this.context?.dispose();
        this.context = undefined;
        this.context = await this.esbuild.context(options(() => this.request));
        this.shape = shape;
      }
      result = toResult(await this.context.rebuild(), started);
    } catch (error) {
      result = toFailure(error, started);
    }
    this.last = { key, result };
    return result;
  }

  async dispose(): Promise<void> {
    await this.context?.dispose();
    this.context = undefined;
    this.last = undefined;
  }
}
