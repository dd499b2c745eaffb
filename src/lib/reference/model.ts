// Assembles the Go-to-TypeScript reference: the hand-written Go side
// (go-table-*.ts, language.ts), the TypeScript side read from the libraries'
// declarations (declarations.ts), and the lessons that use each entry
// (usage.ts). Pure: the page passes in what it read at build time.

import type { Locale } from "../../i18n/locales";
import type { ExportDecl } from "./declarations";
import type { GoFamily, GoSide, GoTable } from "./go-side";
import { CORE_TABLE } from "./go-table-core";
import { HTTP_FAMILIES, HTTP_TABLE } from "./go-table-http";
import { LANGUAGE } from "./language";
import { localizer } from "./localize";
import { SECTIONS } from "./sections";
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
 * no Go side, so the build fails as the unit test does. `locale` picks the
 * language of the prose (titles of sections and constructs, doc comments,
 * notes); code, signatures, identifiers and anchors are the same in every
 * locale, and a text not yet translated stays English.
 */
export function buildReference(
  decls: ExportDecl[],
  usage: [string, LessonUsage][],
  locale: Locale = "en",
): ReferenceGroup[] {
  const missing = missingEntries(decls);
  if (missing.length > 0)
    throw new Error(`reference: no Go entry for ${missing.join(", ")} (src/lib/reference/go-table-*.ts)`);
  const l = localizer(locale);
  const lessonsWhere = (pred: (u: LessonUsage) => boolean) => usage.filter(([, u]) => pred(u)).map(([id]) => id);
  return SECTIONS.map(({ id, title, modules }) => {
    const entries: ReferenceEntry[] = [];
    if (id === "language") {
      for (const c of LANGUAGE) {
        entries.push({
          id: `lang-${c.id}`,
          title: l.languageTitle(c.id, c.title),
          go: c.go,
          importLine: "",
          ts: c.ts,
          doc: "",
          note: l.languageNote(c.id, c.note),
          lessons: lessonsWhere(c.uses),
        });
      }
    }
    for (const d of decls.filter((x) => modules.includes(sectionKey(x)))) {
      const side = goSideOf(d.module, d.name)!;
      const key = `${d.module}#${d.name}`;
      const go = typeof side === "string" ? side : side.go;
      entries.push({
        id: anchor(d.module, d.name),
        title: d.name,
        go: go === null ? null : l.go(d.module, d.name, go),
        importLine: importLineOf(d),
        ts: d.signature,
        doc: l.doc(d.module, d.name, d.doc),
        note: typeof side === "string" ? "" : l.note(d.module, d.name, side.note),
        lessons: lessonsWhere((u) => u.exports.has(key)),
      });
    }
    return { id, title: l.section(id, title), entries };
  });
}
