// Build time: the exports of every learner module ("go", "go/sync", ...),
// read from sandbox/go with the TypeScript compiler: each export's kind,
// TypeScript signature and doc comment. The reference page renders these, so
// its TypeScript side cannot drift from the libraries.

import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { PLATFORM_MODULES } from "../../../sandbox/modules";

/** One exported name of a learner module, as its declaration says. */
export interface ExportDecl {
  /** The import path, e.g. "go/sync". */
  module: string;
  name: string;
  kind: "function" | "class" | "const" | "type";
  /** The declaration in one or a few lines: a function's signature, a constant's type, a class's public members. */
  signature: string;
  /** The doc comment, "" when there is none. */
  doc: string;
}

/** The learner modules, in the allow-list's order ("vitest" is not a Go package). */
export const GO_MODULES: readonly string[] = PLATFORM_MODULES.filter((m) => m !== "vitest");

function moduleFile(goRoot: string, module: string): string {
  const rel = module === "go" ? "index" : module.slice("go/".length);
  for (const candidate of [path.join(goRoot, `${rel}.ts`), path.join(goRoot, rel, "index.ts")]) {
    if (fs.existsSync(candidate)) return candidate;
  }
  throw new Error(`${module}: no ${rel}.ts or ${rel}/index.ts under ${goRoot}`);
}

function kindOf(symbol: ts.Symbol): ExportDecl["kind"] {
  const f = symbol.flags;
  if (f & ts.SymbolFlags.Class) return "class";
  if (f & ts.SymbolFlags.Function) return "function";
  if (f & (ts.SymbolFlags.Interface | ts.SymbolFlags.TypeAlias)) return "type";
  return "const";
}

const FORMAT = ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.WriteArrowStyleSignature;

function signatureOf(checker: ts.TypeChecker, symbol: ts.Symbol, kind: ExportDecl["kind"], name: string): string {
  const decl = symbol.declarations?.[0];
  if (!decl) return name;
  if (kind === "function") {
    const type = checker.getTypeOfSymbolAtLocation(symbol, decl);
    return type
      .getCallSignatures()
      .map(
        (s) =>
          `function ${name}${checker.signatureToString(s, decl, FORMAT & ~ts.TypeFormatFlags.WriteArrowStyleSignature)}`,
      )
      .join("\n");
  }
  if (kind === "class") {
    const type = checker.getDeclaredTypeOfSymbol(symbol);
    const members = checker
      .getPropertiesOfType(type)
      .filter((p) => !p.name.startsWith("_") && !p.name.startsWith("#") && !p.name.startsWith("__@"))
      .filter((p) => {
        const d = p.valueDeclaration ?? p.declarations?.[0];
        const mods = d ? ts.getCombinedModifierFlags(d) : 0;
        return !(mods & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected));
      })
      .map((p) => {
        const d = p.valueDeclaration ?? p.declarations?.[0];
        const t = d ? checker.getTypeOfSymbolAtLocation(p, d) : undefined;
        if (t && p.flags & ts.SymbolFlags.Method) {
          return t
            .getCallSignatures()
            .map(
              (s) =>
                `  ${p.name}${checker.signatureToString(s, d, FORMAT & ~ts.TypeFormatFlags.WriteArrowStyleSignature)}`,
            )
            .join("\n");
        }
        return `  ${p.name}: ${t ? checker.typeToString(t, d, FORMAT) : "unknown"}`;
      });
    const params =
      ts.isClassDeclaration(decl) && decl.typeParameters
        ? `<${decl.typeParameters.map((t) => t.getText()).join(", ")}>`
        : "";
    return `class ${name}${params} {\n${members.join("\n")}\n}`;
  }
  if (kind === "type") {
    const text = decl.getText().replace(/\/\*\*[\s\S]*?\*\/\s*/g, "");
    return text.length > 600 ? `${text.slice(0, 600)} …` : text;
  }
  return `const ${name}: ${checker.typeToString(checker.getTypeOfSymbolAtLocation(symbol, decl), decl, FORMAT)}`;
}

const readCache = new Map<string, ExportDecl[]>();

/**
 * Reads the exports of every learner module under `goRoot` (default:
 * sandbox/go from the working directory). The TypeScript program takes
 * seconds, and each language's reference page asks: read once per build.
 */
export function readDeclarations(goRoot = path.resolve("sandbox/go")): ExportDecl[] {
  let decls = readCache.get(goRoot);
  if (!decls) readCache.set(goRoot, (decls = readAll(goRoot)));
  return decls;
}

function readAll(goRoot: string): ExportDecl[] {
  const files = GO_MODULES.map((m) => moduleFile(goRoot, m));
  const program = ts.createProgram(files, {
    strict: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    skipLibCheck: true,
    noEmit: true,
  });
  const checker = program.getTypeChecker();
  const out: ExportDecl[] = [];
  GO_MODULES.forEach((module, i) => {
    const source = program.getSourceFile(files[i]!);
    const moduleSymbol = source && checker.getSymbolAtLocation(source);
    if (!moduleSymbol) throw new Error(`${module}: ${files[i]} is not a module`);
    for (const exported of checker.getExportsOfModule(moduleSymbol)) {
      const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      const kind = kindOf(symbol);
      const doc = ts.displayPartsToString(symbol.getDocumentationComment(checker)).trim();
      out.push({
        module,
        name: exported.name,
        kind,
        signature: signatureOf(checker, symbol, kind, exported.name),
        doc,
      });
    }
  });
  return out;
}
