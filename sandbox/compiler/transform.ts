// Compiles one file on its own: TypeScript -> CommonJS with esbuild's
// `transform`, a source map, and the modules it requires. Results are kept
// per file name and text, so a Run compiles only the files that changed.

import type { Message } from "esbuild-wasm";
import { fileMappings, type FileMappings } from "./source-map";
import type { PlatformText } from "../platform-text";

/** The options the compiler passes to esbuild's `transform`. */
export interface TransformRequest {
  loader: "ts" | "tsx";
  format: "cjs";
  target: "es2022";
  supported: { "dynamic-import": false };
  sourcemap: "external";
  sourcesContent: false;
  logLevel: "silent";
  sourcefile: string;
}

/** The part of esbuild's API the compiler uses: esbuild-wasm in the browser, native esbuild in Node. */
export interface TransformLike {
  transform(input: string, options: TransformRequest): Promise<{ code: string; map: string }>;
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

/** A `require("...")` in a compiled file, at its 0-based generated line and column. */
export interface RequireCall {
  specifier: string;
  line: number;
  column: number;
}

/** One file, compiled. */
export interface CompiledFile {
  name: string;
  /** The file's text, for locating an import the linker rejects. */
  source: string;
  /** CommonJS: `module`, `exports` and `require` are the linker's. */
  code: string;
  /** How many lines `code` has. */
  lineCount: number;
  mappings: FileMappings;
  requires: RequireCall[];
}

export type TransformOutcome = { ok: true; file: CompiledFile } | { ok: false; errors: CompileDiagnostic[] };

const OPTIONS = {
  format: "cjs",
  target: "es2022",
  // import() becomes require() too, so the linker serves it from the bundle.
  supported: { "dynamic-import": false },
  sourcemap: "external",
  sourcesContent: false,
  logLevel: "silent",
} as const;

/** Every literal `require("...")`: esbuild's own for imports and exports, and any the learner wrote. */
const REQUIRE = /(?<![\w$.])require\("((?:[^"\\\n]|\\.)*)"\)/g;

function requiresOf(code: string): RequireCall[] {
  const out: RequireCall[] = [];
  code.split("\n").forEach((text, line) => {
    if (!text.includes("require(")) return;
    for (const match of text.matchAll(REQUIRE)) {
      let specifier: string;
      try {
        specifier = JSON.parse(`"${match[1]!}"`) as string;
      } catch {
        continue;
      }
      out.push({ specifier, line, column: match.index });
    }
  });
  return out;
}

/** Turns an esbuild message into a learner diagnostic. */
export function toDiagnostic(message: Message): CompileDiagnostic {
  const loc = message.location;
  return {
    file: loc?.file ?? "",
    line: loc?.line ?? 0,
    column: (loc?.column ?? 0) + 1,
    message: message.text,
    lineText: loc?.lineText ?? "",
  };
}

/** The options `name` is compiled with, in the browser and at build time alike. */
export function transformOptions(name: string): TransformRequest {
  return { ...OPTIONS, loader: name.endsWith(".tsx") ? "tsx" : "ts", sourcefile: name };
}

/**
 * esbuild's output for one file, as the page ships it when the build compiled
 * the file already (src/lib/precompile.ts): the code and its map's mappings.
 */
export interface TransformedText {
  code: string;
  mappings: string;
}

/** esbuild's result for `source` as kept: its map's mappings only. */
export function transformedText(result: { code: string; map: string }): TransformedText {
  return { code: result.code, mappings: (JSON.parse(result.map) as { mappings: string }).mappings };
}

/** The compiled file from esbuild's output for `source`. */
function compiledFile(name: string, source: string, output: TransformedText): CompiledFile {
  const code = output.code.endsWith("\n") ? output.code.slice(0, -1) : output.code;
  return {
    name,
    source,
    code,
    lineCount: code.split("\n").length,
    mappings: fileMappings(output.mappings),
    requires: requiresOf(code),
  };
}

/** Compiles `source` (the file `name`). Never throws for learner errors. */
export async function transformFile(esbuild: TransformLike, name: string, source: string): Promise<TransformOutcome> {
  try {
    const result = await esbuild.transform(source, transformOptions(name));
    return { ok: true, file: compiledFile(name, source, transformedText(result)) };
  } catch (error) {
    const errors = (error as { errors?: Message[] }).errors;
    if (Array.isArray(errors) && errors.length > 0) return { ok: false, errors: errors.map(toDiagnostic) };
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, errors: [{ file: name, line: 0, column: 0, message, lineText: "" }] };
  }
}

/**
 * Compiled files by name and text, the most recently used kept. A file being
 * compiled is shared too, so a Run that starts while the same files are being
 * prepared waits for them instead of compiling them again.
 */
export class FileCache {
  private readonly entries = new Map<string, Promise<TransformOutcome>>();
  /** How many transforms ran: for tests and measurements. */
  transforms = 0;

  constructor(
    private readonly esbuild: TransformLike,
    private readonly capacity = 200,
  ) {}

  /**
   * Keeps what the build compiled for `source`, so it is never compiled here.
   * Only text esbuild accepted is shipped, so the outcome is ok.
   */
  seed(name: string, source: string, output: TransformedText): void {
    const key = `${name}\0${source}`;
    if (this.entries.has(key)) return;
    this.entries.set(key, Promise.resolve({ ok: true, file: compiledFile(name, source, output) }));
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }

  get(name: string, source: string): Promise<TransformOutcome> {
    const key = `${name}\0${source}`;
    let entry = this.entries.get(key);
    if (entry) {
      this.entries.delete(key);
    } else {
      this.transforms++;
      entry = transformFile(this.esbuild, name, source);
    }
    this.entries.set(key, entry);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    return entry;
  }
}
