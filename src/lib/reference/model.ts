// Assembles the Go-to-TypeScript reference: the hand-written Go side
// (go-table-*.ts, language.ts), the TypeScript side read from the libraries'
// declarations (declarations.ts), and the lessons that use each entry
// (usage.ts). Pure: the page passes in what it read at build time.

import type { ExportDecl } from "./declarations";
import type { GoFamily, GoSide, GoTable } from "./go-side";
import { CORE_TABLE } from "./go-table-core";
import { HTTP_FAMILIES, HTTP_TABLE } from "./go-table-http";
import { LANGUAGE } from "./language";
import type { LessonUsage } from "./usage";

/** One row of the reference: Go on the left, this course's TypeScript on the right. */
export interface ReferenceEntry {
  /** Stable anchor, e.g. "go-sync-WaitGroup" or "lang-select". */
  id: string;
  /** The heading: the exported name, or the construct's name. */
  title: string;
  /** Go syntax or signature; null when the TypeScript name has no Go counterpart. */
  go: string | null;
  /** The import, e.g. `import { WaitGroup } from "go/sync"`; "" for language constructs. */
  importLine: string;
  /** The TypeScript declaration or usage. */
  ts: string;
  /** The doc comment, or the hand-written note for language constructs and TypeScript-only names. */
  doc: string;
  /** Why a TypeScript-only name exists, or how a construct differs. */
  note: string;
  /** Ids of the lessons whose files use it, in course order. */
  lessons: string[];
}

/** A section of the reference, named and ordered like Go's package documentation. */
export interface ReferenceGroup {
  id: string;
  title: string;
  entries: ReferenceEntry[];
}

export const TABLE: GoTable = { ...CORE_TABLE, ...HTTP_TABLE };
export const FAMILIES: GoFamily[] = [...HTTP_FAMILIES];

/** The sections in order: [id, title, modules]. The "go" module is split between Language and runtime. */
const SECTIONS: [string, string, string[]][] = [
  ["language", "Language: goroutines, channels, select, defer, panic", ["go"]],
  ["runtime", "runtime", ["go:runtime"]],
  ["sync", "sync", ["go/sync"]],
  ["sync-atomic", "sync/atomic", ["go/sync/atomic"]],
  ["time", "time", ["go/time"]],
  ["context", "context", ["go/context"]],
  ["errors", "errors (and fmt.Errorf)", ["go/errors"]],
  ["errgroup", "golang.org/x/sync/errgroup", ["go/x/sync/errgroup"]],
  ["semaphore", "golang.org/x/sync/semaphore", ["go/x/sync/semaphore"]],
  ["singleflight", "golang.org/x/sync/singleflight", ["go/x/sync/singleflight"]],
  ["rate", "golang.org/x/time/rate", ["go/x/time/rate"]],
  ["synctest", "testing/synctest", ["go/testing/synctest"]],
  ["net-http", "net/http (and net/url)", ["go/net/http"]],
  ["httptest", "net/http/httptest", ["go/net/http/httptest"]],
  ["jwt", "jwt (the course's package, after github.com/golang-jwt/jwt)", ["go/net/http/jwt"]],
  ["json", "encoding/json", ["go/encoding/json"]],
];

const RUNTIME = new Set(["gosched", "numGoroutine", "gc"]);

function sectionKey(decl: ExportDecl): string {
  return decl.module === "go" && RUNTIME.has(decl.name) ? "go:runtime" : decl.module;
}

/** The Go side of an export, from its row or its family; undefined when it has neither. */
export function goSideOf(module: string, name: string): GoSide | undefined {
  const row = Object.hasOwn(TABLE, module) && Object.hasOwn(TABLE[module]!, name) ? TABLE[module]![name] : undefined;
  if (row !== undefined) return row;
  const family = FAMILIES.find((f) => f.module === module && f.pattern.test(name));
  return family ? family.go(name) : undefined;
}

/** "module#name" of every export without a Go side: must be empty (reference.test.ts). */
export function missingEntries(decls: ExportDecl[]): string[] {
  return decls.filter((d) => goSideOf(d.module, d.name) === undefined).map((d) => `${d.module}#${d.name}`);
}

/** "module#name" of every table row that names no export: stale rows. */
export function staleEntries(decls: ExportDecl[]): string[] {
  const have = new Set(decls.map((d) => `${d.module}#${d.name}`));
  return Object.entries(TABLE).flatMap(([module, rows]) =>
    Object.keys(rows)
      .map((name) => `${module}#${name}`)
      .filter((key) => !have.has(key)),
  );
}

/** Names that cannot be imported by name (`errors.new`): shown through a namespace import. */
const RESERVED = new Set(["new", "delete", "default", "function", "class", "import", "export", "in", "typeof"]);

function importLineOf(decl: ExportDecl): string {
  if (RESERVED.has(decl.name)) {
    const ns = decl.module.split("/").pop()!;
    return `import * as ${ns} from "${decl.module}"; // ${ns}.${decl.name}`;
  }
  return `import ${decl.kind === "type" ? "type " : ""}{ ${decl.name} } from "${decl.module}"`;
}

function anchor(module: string, name: string): string {
  return `${module.replace(/[^A-Za-z0-9]+/g, "-")}-${name}`;
}

/**
 * Builds the reference. `decls` are the libraries' exports, `usage` maps each
 * lesson id (in course order) to what its files use. Throws when an export has
 * no Go side, so the build fails as the unit test does.
 */
export function buildReference(decls: ExportDecl[], usage: [string, LessonUsage][]): ReferenceGroup[] {
  const missing = missingEntries(decls);
  if (missing.length > 0)
    throw new Error(`reference: no Go entry for ${missing.join(", ")} (src/lib/reference/go-table-*.ts)`);
  const lessonsWhere = (pred: (u: LessonUsage) => boolean) => usage.filter(([, u]) => pred(u)).map(([id]) => id);
  return SECTIONS.map(([id, title, modules]) => {
    const entries: ReferenceEntry[] = [];
    if (id === "language") {
      for (const c of LANGUAGE) {
        entries.push({
          id: `lang-${c.id}`,
          title: c.title,
          go: c.go,
          importLine: "",
          ts: c.ts,
          doc: "",
          note: c.note,
          lessons: lessonsWhere(c.uses),
        });
      }
    }
    for (const d of decls.filter((x) => modules.includes(sectionKey(x)))) {
      const side = goSideOf(d.module, d.name)!;
      const key = `${d.module}#${d.name}`;
      entries.push({
        id: anchor(d.module, d.name),
        title: d.name,
        go: typeof side === "string" ? side : side.go,
        importLine: importLineOf(d),
        ts: d.signature,
        doc: d.doc,
        note: typeof side === "string" ? "" : side.note,
        lessons: lessonsWhere((u) => u.exports.has(key)),
      });
    }
    return { id, title, entries };
  });
}
