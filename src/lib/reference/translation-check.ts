// What a locale has not translated, or translated from English that has since
// changed: the unit test (translations.test.ts) fails naming each one.

import type { Locale } from "../../i18n/locales";
import type { ExportDecl } from "./declarations";
import { LANGUAGE } from "./language";
import { goHasProse, TRANSLATIONS } from "./localize";
import { TABLE } from "./model";
import { SECTIONS, titleIsProse } from "./sections";
import { stateOf, textHash, type Translations } from "./zh-cn/translation";

/** One English text a translation must follow: where it is shown and the text. */
interface Source {
  kind: "doc" | "note" | "go" | "language" | "section";
  /** The module ("go/sync") for doc, note and go; "" for language and section. */
  module: string;
  key: string;
  english: string;
}

/** Every English text of the reference that a locale translates. */
export function translatableSources(decls: ExportDecl[]): Source[] {
  const out: Source[] = [];
  for (const d of decls) if (d.doc !== "") out.push({ kind: "doc", module: d.module, key: d.name, english: d.doc });
  for (const [module, rows] of Object.entries(TABLE)) {
    for (const [name, side] of Object.entries(rows)) {
      const go = typeof side === "string" ? side : side.go;
      if (typeof side !== "string" && side.note !== "")
        out.push({ kind: "note", module, key: name, english: side.note });
      if (go !== null && goHasProse(go)) out.push({ kind: "go", module, key: name, english: go });
    }
  }
  for (const c of LANGUAGE) {
    // A title that is a Go keyword ("select", "defer") stays as it is.
    if (!/^[a-z]+$/.test(c.title)) out.push({ kind: "language", module: "", key: `${c.id}.title`, english: c.title });
    out.push({ kind: "language", module: "", key: `${c.id}.note`, english: c.note });
  }
  for (const s of SECTIONS) if (titleIsProse(s)) out.push({ kind: "section", module: "", key: s.id, english: s.title });
  return out;
}

const label = (s: { kind: string; module: string; key: string }) =>
  s.module === "" ? `${s.kind} ${s.key}` : `${s.kind} ${s.module}#${s.key}`;

/**
 * untranslated lists, for `locale`, each English text without a translation
 * ("doc go/sync#WaitGroup: missing (English hash 1a2b3c4d)"), each
 * translation of an English text that has changed since ("...: stale (...)"),
 * and each translation of nothing ("...: no English source"). The hash is the
 * one to store beside the new translation.
 */
export function untranslated(decls: ExportDecl[], locale: Exclude<Locale, "en">): string[] {
  const t = TRANSLATIONS[locale];
  const tableOf = (s: Pick<Source, "kind" | "module">): Translations | undefined => {
    if (s.kind === "language") return t.language;
    if (s.kind === "section") return t.sections;
    const byModule = s.kind === "doc" ? t.docs : s.kind === "note" ? t.notes : t.go;
    return Object.hasOwn(byModule, s.module) ? byModule[s.module] : undefined;
  };
  const sources = translatableSources(decls);
  const problems = sources.flatMap((s) => {
    const state = stateOf(tableOf(s), s.key, s.english);
    return state === "ok" ? [] : [`${label(s)}: ${state} (English hash ${textHash(s.english)})`];
  });
  const known = new Set(sources.map(label));
  const extra = (kind: Source["kind"], module: string, table: Translations) =>
    Object.keys(table)
      .map((key) => label({ kind, module, key }))
      .filter((l) => !known.has(l))
      .map((l) => `${l}: no English source`);
  for (const [kind, tables] of [
    ["doc", t.docs],
    ["note", t.notes],
    ["go", t.go],
  ] as const)
    for (const [module, table] of Object.entries(tables)) problems.push(...extra(kind, module, table));
  problems.push(...extra("language", "", t.language), ...extra("section", "", t.sections));
  return problems;
}
