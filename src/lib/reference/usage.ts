// Build time: which learner API each lesson uses, read from the lesson's own
// starter/, solution/ and tests/ files (TypeScript syntax only, no type
// checker). The reference page links each entry to these lessons, so the
// links follow the lessons as they change.

import fs from "node:fs";
import path from "node:path";
import ts from "typescript";

/** What one lesson's files use: "module#name" keys, and method names called on any value. */
export interface LessonUsage {
  /** e.g. "go/sync#WaitGroup", for a named import or `ns.name` on a namespace import. */
  exports: Set<string>;
  /** Method and property names accessed (`ch.send(...)` gives "send"), for language constructs. */
  members: Set<string>;
  /** `for await (... of ...)` appears. */
  forAwait: boolean;
  /** A `try` with a `finally` block (Go's defer). */
  tryFinally: boolean;
  /** A `try` with a `catch` block (Go's recover). */
  tryCatch: boolean;
}

/** A usage with nothing in it. */
export function emptyUsage(): LessonUsage {
  return { exports: new Set(), members: new Set(), forAwait: false, tryFinally: false, tryCatch: false };
}

const FOLDERS = ["starter", "solution", "tests"];

/** Scans the TypeScript source `text` and adds what it uses to `into`. */
export function scanSource(text: string, into: LessonUsage, fileName = "x.ts"): void {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const namespaces = new Map<string, string>();
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    const module = statement.moduleSpecifier.text;
    if (module !== "go" && !module.startsWith("go/")) continue;
    const bindings = statement.importClause?.namedBindings;
    if (bindings && ts.isNamespaceImport(bindings)) namespaces.set(bindings.name.text, module);
    if (bindings && ts.isNamedImports(bindings)) {
      for (const el of bindings.elements) into.exports.add(`${module}#${(el.propertyName ?? el.name).text}`);
    }
  }
  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAccessExpression(node)) {
      const target = node.expression;
      const ns = ts.isIdentifier(target) ? namespaces.get(target.text) : undefined;
      if (ns) into.exports.add(`${ns}#${node.name.text}`);
      else into.members.add(node.name.text);
    } else if (ts.isQualifiedName(node) && ts.isIdentifier(node.left)) {
      // Types through a namespace: `http.Request`.
      const ns = namespaces.get(node.left.text);
      if (ns) into.exports.add(`${ns}#${node.right.text}`);
    } else if (ts.isForOfStatement(node) && node.awaitModifier) {
      into.forAwait = true;
    } else if (ts.isTryStatement(node)) {
      if (node.finallyBlock) into.tryFinally = true;
      if (node.catchClause) into.tryCatch = true;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
}

/** Reads the exercise files of the lesson in `lessonDir` (e.g. "content/01-x/02-y"). */
export function lessonUsage(lessonDir: string): LessonUsage {
  const usage = emptyUsage();
  for (const folder of FOLDERS) {
    const dir = path.join(lessonDir, folder);
    if (!fs.existsSync(dir)) continue;
    for (const name of fs.readdirSync(dir).sort()) {
      if (/\.tsx?$/.test(name)) scanSource(fs.readFileSync(path.join(dir, name), "utf8"), usage, name);
    }
  }
  return usage;
}
