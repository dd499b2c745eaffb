// The Chinese reference cannot go stale: every English doc comment, note,
// construct and section title has a translation made from the English as it
// is now, and the English reference is what it was before locales existed.

import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { readDeclarations, type ExportDecl } from "./declarations";
import { readmeDifferences, untranslatedDifferences } from "./differences";
import { buildReference, type ReferenceGroup } from "./model";
import { translatableSources, untranslated } from "./translation-check";
import { lessonUsage, type LessonUsage } from "./usage";
import { TRANSLATIONS } from "./localize";
import { textHash } from "./zh-cn/translation";

let decls: ExportDecl[];
let usage: [string, LessonUsage][];
beforeAll(() => {
  decls = readDeclarations();
  const id = "02-concurrency/01-goroutines-waitgroup";
  usage = [[id, lessonUsage(path.join("content", id))]];
}, 120_000);

const entries = (groups: ReferenceGroup[]) => groups.flatMap((g) => g.entries);

describe("Chinese reference translations", () => {
  it("translate every doc comment, note, construct and section title as the English is now", () => {
    expect(untranslated(decls, "zh-cn"), "translate these in src/lib/reference/zh-cn/").toEqual([]);
  });

  it("name a missing, a stale and an orphaned translation", () => {
    const changed = decls.map((d) =>
      d.module === "go/sync" && d.name === "WaitGroup" ? { ...d, doc: `${d.doc} Changed.` } : d,
    );
    const added: ExportDecl = { module: "go/sync", name: "NewThing", kind: "function", signature: "", doc: "New." };
    const without = changed.filter((d) => !(d.module === "go/time" && d.name === "sleep"));
    const wg = changed.find((d) => d.name === "WaitGroup")!.doc;
    expect(untranslated([...without, added], "zh-cn")).toEqual([
      `doc go/sync#WaitGroup: stale (English hash ${textHash(wg)})`,
      `doc go/sync#NewThing: missing (English hash ${textHash("New.")})`,
      "doc go/time#sleep: no English source",
    ]);
  });

  it("are Chinese text that keeps the English's code", () => {
    const t = TRANSLATIONS["zh-cn"];
    const all = [
      ...Object.values(t.docs).flatMap((rows) => Object.entries(rows)),
      ...Object.values(t.notes).flatMap((rows) => Object.entries(rows)),
      ...Object.values(t.go).flatMap((rows) => Object.entries(rows)),
      ...Object.entries(t.language),
      ...Object.entries(t.sections),
    ];
    expect(all.length).toBe(translatableSources(decls).length);
    const notChinese = all.filter(([, [, text]]) => !/\p{Script=Han}/u.test(text)).map(([key]) => key);
    expect(notChinese).toEqual([]);
    // Calls and Go references the English names ("runtime.Gosched()", "make(chan T, cap)") appear verbatim.
    const code = /\b[A-Za-z_][\w.]*\((?:[^()]|\([^()]*\))*\)/g;
    const lost = translatableSources(decls).flatMap((s) => {
      const table = s.kind === "language" ? t.language : s.kind === "section" ? t.sections : undefined;
      const rows = table ?? (s.kind === "doc" ? t.docs : s.kind === "note" ? t.notes : t.go)[s.module];
      // Whitespace is compared collapsed: the page joins a paragraph's lines with spaces.
      const flat = (x: string) => x.replace(/\s+/g, " ");
      const zh = flat(rows?.[s.key]?.[1] ?? "");
      return [...s.english.matchAll(code)]
        .map((m) => m[0])
        .filter((c) => !zh.includes(flat(c)))
        .map((c) => `${s.module}#${s.key}: ${c}`);
    });
    expect(lost).toEqual([]);
  });
});

describe("reference model by locale", () => {
  it("keeps the English reference byte for byte: the default locale, English sources untouched", () => {
    const en = buildReference(decls, usage, "en");
    expect(JSON.stringify(en)).toBe(JSON.stringify(buildReference(decls, usage)));
    const byName = new Map(decls.map((d) => [`${d.module}-${d.name}`.replace(/[^A-Za-z0-9]+/g, "-"), d]));
    for (const e of entries(en)) {
      const d = byName.get(e.id);
      if (d) expect(e.doc).toBe(d.doc);
    }
    expect(en[0]!.title).toBe("Language: goroutines, channels, select, defer, panic");
    expect(entries(en).find((e) => e.id === "go-nilChan")!.go).toBe("var ch chan T // nil channel");
  });

  it("translates only the prose in Chinese: ids, code, signatures, imports and lesson links are the English ones", () => {
    const en = buildReference(decls, usage, "en");
    const zh = buildReference(decls, usage, "zh-cn");
    expect(zh.map((g) => g.id)).toEqual(en.map((g) => g.id));
    const code = (gs: ReferenceGroup[]) =>
      entries(gs).map(({ id, importLine, ts, lessons, go }) => ({ id, importLine, ts, lessons, goNull: go === null }));
    expect(code(zh)).toEqual(code(en));
    const [ze, ee] = [entries(zh), entries(en)];
    // Every export's doc is translated (all but one have a doc), and the titles of exports stay their names.
    const docs = ze.filter((e, i) => e.doc !== "" && e.doc !== ee[i]!.doc);
    expect(docs.length).toBe(ee.filter((e) => e.doc !== "").length);
    expect(ze.filter((e) => e.importLine !== "").map((e) => e.title)).toEqual(
      ee.filter((e) => e.importLine !== "").map((e) => e.title),
    );
    expect(zh[0]!.title).toBe("语言：goroutine、channel、select、defer、panic");
    expect(ze.find((e) => e.id === "go-nilChan")!.go).toBe("var ch chan T // 值为 nil 的 channel");
    expect(ze.find((e) => e.id === "go-makeChan")!.go).toBe("ch := make(chan T, cap)");
  });

  it("falls back to the English for a text whose translation is stale", () => {
    const changed = decls.map((d) =>
      d.module === "go/sync" && d.name === "Mutex" ? { ...d, doc: "A Mutex is a lock. Changed." } : d,
    );
    const mutex = entries(buildReference(changed, usage, "zh-cn")).find((e) => e.id === "go-sync-Mutex")!;
    expect(mutex.doc).toBe("A Mutex is a lock. Changed.");
    expect(textHash("A Mutex is a lock. Changed.")).not.toBe(TRANSLATIONS["zh-cn"].docs["go/sync"]!["Mutex"]![0]);
  });
});

describe("README deliberate differences", () => {
  it("quote every bullet of the three lists, translated from the English as it is now", () => {
    const en = readmeDifferences("en");
    expect(en.map((s) => [s.id, s.items.length])).toEqual([
      ["runtime", 8],
      ["packages", 8],
      ["http", 7],
    ]);
    expect(en[1]!.items[0]).toMatch(/^\*\*sync\*\*: `onceFunc`/);
    expect(en[2]!.title).toBe("Deliberate differences (go/net/http and go/encoding/json)");
    expect(untranslatedDifferences("zh-cn"), "translate these in src/lib/reference/zh-cn/differences.ts").toEqual([]);
    const zh = readmeDifferences("zh-cn");
    expect(zh.flatMap((s) => [s.title, ...s.items]).filter((x) => !/\p{Script=Han}/u.test(x))).toEqual([]);
    // Inline code stays verbatim: the same `spans`, in whatever order Chinese puts them.
    const spans = (s: string) => (s.match(/`[^`]+`/g) ?? []).sort();
    const lost = en.flatMap((s, i) =>
      s.items.flatMap((item, j) =>
        spans(item).join("\n") === spans(zh[i]!.items[j]!).join("\n") ? [] : [`${s.id}.${j + 1}`],
      ),
    );
    expect(lost).toEqual([]);
  });

  it("name a changed bullet as stale and show it in English", () => {
    const readme = path.resolve(".tmp/README-changed.md");
    const text = fs.readFileSync("sandbox/go/README.md", "utf8");
    fs.mkdirSync(path.dirname(readme), { recursive: true });
    fs.writeFileSync(readme, text.replace("- `shutdown` returns as soon as", "- `shutdown` returns right when"));
    try {
      const item = readmeDifferences("en", readme)[2]!.items[1]!;
      expect(untranslatedDifferences("zh-cn", readme)).toEqual([`http.2: stale (English hash ${textHash(item)})`]);
      expect(readmeDifferences("zh-cn", readme)[2]!.items[1]).toMatch(/^`shutdown` returns right when/);
    } finally {
      fs.rmSync(readme);
    }
  });
});
