// Build time: the "Deliberate differences" lists of sandbox/go/README.md, so
// the reference can quote the runtime's own documentation in either language
// rather than a copy. Each bullet is translated under "<section>.<n>" beside
// a hash of its English (zh-cn/differences.ts); a bullet whose English has
// changed since is shown in English and reported by untranslatedDifferences.

import fs from "node:fs";
import path from "node:path";
import type { Locale } from "../../i18n/locales";
import { ZH_CN_DIFFERENCES } from "./zh-cn/differences";
import { stateOf, textHash, translated, type Translations } from "./zh-cn/translation";

/** One "Deliberate differences" list of the README. */
export interface DifferenceSection {
  /** "runtime", "packages" or "http". */
  id: string;
  /** The README heading it comes from, in English. */
  heading: string;
  title: string;
  /** The bullets in order, each one paragraph of Markdown inline text (`code`, **bold**). */
  items: string[];
}

/** The README headings quoted, with the ids their translations are keyed by. */
const HEADINGS: [id: string, heading: string][] = [
  ["runtime", "## Deliberate differences from Go"],
  ["packages", "## Deliberate differences from Go (sync, atomic, errors, context, x/sync, rate)"],
  ["http", "### Deliberate differences"],
];

const TRANSLATIONS: Record<Exclude<Locale, "en">, Translations> = { "zh-cn": ZH_CN_DIFFERENCES };

/** The bullets of the list that follows `heading`: "- " starts one, a blank line or a heading ends the list. */
function bulletsAfter(lines: string[], heading: string, readme: string): string[] {
  const start = lines.indexOf(heading);
  if (start < 0) throw new Error(`${readme}: no "${heading}" heading`);
  const items: string[] = [];
  let i = start + 1;
  while (i < lines.length && !lines[i]!.startsWith("- ")) {
    if (lines[i]!.startsWith("#")) throw new Error(`${readme}: no list under "${heading}"`);
    i++;
  }
  for (; i < lines.length && lines[i]!.trim() !== "" && !lines[i]!.startsWith("#"); i++) {
    const line = lines[i]!;
    if (line.startsWith("- ")) items.push(line.slice(2).trim());
    else items[items.length - 1] += ` ${line.trim()}`;
  }
  return items;
}

/** A heading's text; a "###" one says which "##" section it belongs to: "Deliberate differences (go/net/http and ...)". */
function titleOf(lines: string[], heading: string): string {
  const text = heading.replace(/^#+\s*/, "");
  if (!heading.startsWith("### ")) return text;
  const parent = lines.slice(0, lines.indexOf(heading)).findLast((l) => l.startsWith("## "));
  return parent ? `${text} (${parent.slice(3)})` : text;
}

/** The English lists, read from `readme` (default sandbox/go/README.md); throws if a heading or its list is gone. */
export function englishDifferences(readme = path.resolve("sandbox/go/README.md")): DifferenceSection[] {
  const lines = fs.readFileSync(readme, "utf8").split("\n");
  return HEADINGS.map(([id, heading]) => ({
    id,
    heading,
    title: titleOf(lines, heading),
    items: bulletsAfter(lines, heading, readme),
  }));
}

/**
 * The README's deliberate differences in `locale`: titles and bullets
 * translated where the translation was made from the English as it is now,
 * English otherwise.
 */
export function readmeDifferences(locale: Locale, readme?: string): DifferenceSection[] {
  const sections = englishDifferences(readme);
  if (locale === "en") return sections;
  const t = TRANSLATIONS[locale];
  return sections.map((s) => ({
    ...s,
    title: translated(t, `${s.id}.title`, s.title),
    items: s.items.map((item, i) => translated(t, `${s.id}.${i + 1}`, item)),
  }));
}

/** Each README bullet or title without a current translation in `locale` ("http.3: stale (English hash …)"), then orphaned keys. */
export function untranslatedDifferences(locale: Exclude<Locale, "en">, readme?: string): string[] {
  const t = TRANSLATIONS[locale];
  const sources: [key: string, english: string][] = englishDifferences(readme).flatMap((s) => [
    [`${s.id}.title`, s.title],
    ...s.items.map((item, i): [string, string] => [`${s.id}.${i + 1}`, item]),
  ]);
  const problems = sources.flatMap(([key, english]) => {
    const state = stateOf(t, key, english);
    return state === "ok" ? [] : [`${key}: ${state} (English hash ${textHash(english)})`];
  });
  const known = new Set(sources.map(([key]) => key));
  return [
    ...problems,
    ...Object.keys(t)
      .filter((k) => !known.has(k))
      .map((k) => `${k}: no English source`),
  ];
}
