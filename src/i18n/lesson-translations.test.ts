// Nothing exists in one language only: every lesson and module under content/
// has its Chinese translation, complete (see lesson-translation.ts), and no
// translation is left without its English source. One test per lesson:
//   npx vitest run src/i18n/lesson-translations.test.ts -t 04-channels/01

import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { lessonStrings } from "./lesson-strings";
import { checkLessonTranslation, checkModuleTranslation } from "./lesson-translation";

const root = path.resolve(import.meta.dirname, "../..");
const content = path.join(root, "content");
const dirs = (dir: string) =>
  fs
    .readdirSync(dir)
    .filter((n) => fs.statSync(path.join(dir, n)).isDirectory())
    .sort();
const rel = (p: string) => path.relative(root, p);

function tests(dir: string): Record<string, string> | undefined {
  const testsDir = path.join(dir, "tests");
  if (!fs.existsSync(testsDir)) return undefined;
  const files = fs.readdirSync(testsDir).filter((n) => n.endsWith(".test.ts"));
  return Object.fromEntries(files.map((n) => [n, fs.readFileSync(path.join(testsDir, n), "utf8")]));
}

for (const mod of dirs(content)) {
  const modDir = path.join(content, mod);
  describe(mod, () => {
    it(`${mod}/module.zh-cn.json translates module.json`, () => {
      const file = path.join(modDir, "module.zh-cn.json");
      const problems = fs.existsSync(file)
        ? checkModuleTranslation(
            rel(file),
            JSON.parse(fs.readFileSync(path.join(modDir, "module.json"), "utf8")),
            JSON.parse(fs.readFileSync(file, "utf8")),
          )
        : [`${rel(file)}: missing; every module needs its Chinese title and summary`];
      expect(problems, "module translation problems").toEqual([]);
    });
    for (const lesson of dirs(modDir)) {
      const dir = path.join(modDir, lesson);
      it(`${mod}/${lesson} is translated into Chinese`, () => {
        const en = path.join(dir, "index.mdx");
        const zh = path.join(dir, "index.zh-cn.mdx");
        if (!fs.existsSync(en)) {
          expect(
            fs.existsSync(zh) ? [`${rel(zh)}: has no English source ${rel(en)}`] : [],
            "stale translation",
          ).toEqual([]);
          return;
        }
        if (!fs.existsSync(zh)) {
          expect([`${rel(zh)}: missing; every lesson needs its Chinese translation`], "missing translation").toEqual(
            [],
          );
          return;
        }
        const t = tests(dir);
        const problems = checkLessonTranslation({
          file: rel(zh),
          english: fs.readFileSync(en, "utf8"),
          translation: fs.readFileSync(zh, "utf8"),
          strings: t && lessonStrings(t),
        });
        expect(problems, "translation problems").toEqual([]);
      });
    }
  });
}
