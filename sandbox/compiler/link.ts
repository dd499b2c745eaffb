// Links compiled files into the one classic script a Run loads: a module
// table (each file a function of module, exports and require), a require that
// serves relative imports from the table and platform modules from the
// sandbox's platform table, and the globals the runner reads. The source map
// is the files' maps joined, so stack frames map to the learner's file:line.

import { LEARNER_VITEST, PLATFORM_GLOBAL, PLATFORM_MODULES, isPlatformModule } from "../modules";
import type { LessonTests } from "../protocol";
import { joinMaps, type MapPiece, type Segment } from "./source-map";
import type { CompileDiagnostic, CompiledFile } from "./transform";

/** What the linker needs of a compile request. */
export interface LinkRequest {
  /** Which files are test files, in run order. */
  testFiles: string[];
  /** The learner module and export the API explorer serves, when the lesson has one. */
  handler?: { file: string; export: string } | undefined;
  /** The lesson's tests, collected at build time: the runner's verdict checks each ran and passed. */
  lessonTests?: LessonTests | undefined;
}

export type LinkResult = { ok: true; code: string; map: string } | { ok: false; errors: CompileDiagnostic[] };

/** Resolves "./x", "./x.ts" and "./x/index.ts" against the flat in-memory file set. */
export function resolveRelative(files: Record<string, unknown>, specifier: string): string | undefined {
  const name = specifier.replace(/^\.\//, "");
  for (const candidate of [name, `${name}.ts`, `${name}.tsx`, `${name}/index.ts`]) {
    if (Object.hasOwn(files, candidate)) return candidate;
  }
  return undefined;
}

/** A file's import target: another file, or a platform module (by its table key). */
type Target = { file: string } | { platform: string };

/**
 * Resolves one import of `importer`. Test files get the lesson's "vitest";
 * learner files get their own, whose tests are shown apart and never count.
 */
export function resolveImport(
  files: Record<string, unknown>,
  testFiles: readonly string[],
  importer: string,
  specifier: string,
): Target | { error: string } {
  if (specifier.startsWith("./") || specifier.startsWith("../")) {
    const found = resolveRelative(files, specifier);
    if (found) return { file: found };
    return { error: `Cannot find file "${specifier}" (files: ${Object.keys(files).join(", ")})` };
  }
  if (specifier === "vitest" && !testFiles.includes(importer)) return { platform: LEARNER_VITEST };
  if (isPlatformModule(specifier)) return { platform: specifier };
  return { error: `Cannot import "${specifier}": only these modules are available: ${PLATFORM_MODULES.join(", ")}` };
}

/** The original position of generated `line`:`column` of a file: the nearest segment at or before it. */
function originalPosition(lines: Segment[][], line: number, column: number): { line: number; column: number } {
  for (let l = Math.min(line, lines.length - 1); l >= 0; l--) {
    const segments = lines[l]!;
    for (let i = segments.length - 1; i >= 0; i--) {
      const segment = segments[i]!;
      if (l < line || segment[0] <= column) return { line: segment[1], column: segment[2] };
    }
  }
  return { line: 0, column: 0 };
}

/**
 * Where the learner wrote the import of `specifier` that became the require
 * at `line`:`column` of the compiled file: its quoted name, from the start of
 * the statement the source map gives.
 */
function importLocation(file: CompiledFile, line: number, column: number, specifier: string, message: string) {
  const start = originalPosition(file.mappings.lines, line, column);
  const lines = file.source.split("\n");
  let at = { line: start.line, column: start.column };
  for (let l = start.line, from = start.column; l < lines.length; l++, from = 0) {
    const index = ['"', "'", "`"]
      .map((q) => lines[l]!.indexOf(q + specifier + q, from))
      .filter((i) => i >= 0)
      .sort((a, b) => a - b)[0];
    if (index !== undefined) {
      at = { line: l, column: index };
      break;
    }
  }
  return { file: file.name, line: at.line + 1, column: at.column + 1, message, lineText: lines[at.line] ?? "" };
}

/** The generated entry: the lazily loaded test files, the lesson's tests and the explorer handler. */
export function entrySource(request: LinkRequest): string {
  const load = (name: string) => `Promise.resolve().then(() => __load(${JSON.stringify(name)}))`;
  const tests = request.testFiles.map((name) => `  ${JSON.stringify(name)}: () => ${load(name)},`).join("\n");
  let source = `self.__testFiles = {\n${tests}\n};\n`;
  source += `self.__lessonTests = ${JSON.stringify(request.lessonTests ?? {})};\n`;
  if (request.handler) {
    const file = JSON.stringify(request.handler.file);
    const name = JSON.stringify(request.handler.export);
    source += `self.__explorerHandler = () => Promise.resolve().then(() => __load(${file})[${name}]);\n`;
  }
  return source;
}

/**
 * The loader: a module runs once, on its first require, and a module that
 * threw throws the same error to every later importer, as an ES module does.
 * A module in a cycle sees the other's exports as far as they are defined.
 */
const RUNTIME = `var __table = globalThis[${JSON.stringify(PLATFORM_GLOBAL)}];
var __state = Object.create(null);
var __has = Object.prototype.hasOwnProperty;
function __load(name) {
  var state = __state[name];
  if (state) {
    if (state.failed) throw state.error;
    return state.module.exports;
  }
  var file = __files[name];
  var module = { exports: {} };
  state = __state[name] = { module: module, failed: false, error: undefined };
  var require = function (specifier) {
    var target = __has.call(file[0], specifier) ? file[0][specifier] : undefined;
    if (target === undefined) throw new Error("Cannot import " + JSON.stringify(specifier) + ": only these modules are available: " + ${JSON.stringify(PLATFORM_MODULES.join(", "))});
    return typeof target === "string" ? __load(target) : __table[target[0]];
  };
  try {
    file[1].call(undefined, module, module.exports, require);
  } catch (error) {
    state.failed = true;
    state.error = error;
    throw error;
  }
  return module.exports;
}
`;

/**
 * Links `compiled` (every file of the exercise, compiled) into one script and
 * its source map, or reports each import that cannot be served at the
 * file:line:col where the learner wrote it.
 */
export function link(compiled: CompiledFile[], request: LinkRequest): LinkResult {
  const names = Object.fromEntries(compiled.map((f) => [f.name, true]));
  const errors: CompileDiagnostic[] = [];
  const parts = ["(() => {", "var __files = Object.create(null);"];
  let line = parts.length;
  const pieces: MapPiece[] = [];
  compiled.forEach((file, source) => {
    const table: Record<string, string | [string]> = {};
    for (const call of file.requires) {
      const target = resolveImport(names, request.testFiles, file.name, call.specifier);
      if ("error" in target) errors.push(importLocation(file, call.line, call.column, call.specifier, target.error));
      else table[call.specifier] = "file" in target ? target.file : [target.platform];
    }
    parts.push(
      `__files[${JSON.stringify(file.name)}] = [${JSON.stringify(table)}, function (module, exports, require) {`,
    );
    pieces.push({ line: line + 1, source, mappings: file.mappings });
    parts.push(file.code, "}];");
    line += file.lineCount + 2;
  });
  if (errors.length > 0) return { ok: false, errors };
  parts.push(RUNTIME + entrySource(request) + "})();");
  const code = parts.join("\n");
  const sources = compiled.map((f) => `learner:${f.name}`);
  return { ok: true, code, map: joinMaps(sources, pieces, code.split("\n").length) };
}
