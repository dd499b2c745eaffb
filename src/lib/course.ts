// The course outline in one language: modules and lessons in order, with ids
// and URLs. Built from the content collections; every page uses it for
// navigation. A lesson's id (its folder below content/) is the same in every
// language and keys its progress, so both languages share it.

import { getCollection, type CollectionEntry } from "astro:content";
import { DEFAULT_LOCALE, localePrefix, type Locale } from "../i18n/locales";

export interface LessonRef {
  /** Path below content/, e.g. "01-foundations/01-task-runner"; the progress key. */
  id: string;
  title: string;
  summary: string;
  minutes: number;
  hasExercise: boolean;
  /** Questions in the lesson's quiz; 0 when it has none. */
  quizTotal: number;
  href: string;
  /** The English lesson: the source of everything a translation does not hold. */
  entry: CollectionEntry<"lessons">;
  /** The lesson's translation into the outline's language; absent in English. */
  translation?: CollectionEntry<"lessonTranslations"> | undefined;
}

export interface ModuleRef {
  id: string;
  title: string;
  summary: string;
  lessons: LessonRef[];
}

export function withBase(path: string): string {
  const base = import.meta.env.BASE_URL.replace(/\/$/, "");
  return `${base}${path}`;
}

/** The URL of a page in a locale: localeHref("zh-cn", "/reference/") -> "<base>/zh-cn/reference/". */
export function localeHref(locale: Locale, path: string): string {
  return withBase(`${localePrefix(locale)}${path}`);
}

/** "content/01-x/02-y/index.mdx" (or index.zh-cn.mdx) -> "01-x/02-y" */
export function lessonIdOf(entry: CollectionEntry<"lessons" | "lessonTranslations">): string {
  const file = entry.filePath ?? entry.id;
  return file.replace(/^content\//, "").replace(/\/index(\.[\w-]+)?\.mdx$/, "");
}

/** "content/01-x/module.json" (or module.zh-cn.json) -> "01-x" */
function moduleIdOf(entry: CollectionEntry<"modules" | "moduleTranslations">): string {
  return (entry.filePath ?? entry.id).replace(/^content\//, "").replace(/\/module(\.[\w-]+)?\.json$/, "");
}

/** A translation's file, for the build error when it is missing. */
const translationFile = (id: string, name: string, locale: Locale) =>
  `content/${id}/${name.replace(/\.(mdx|json)$/, `.${locale}.$1`)}`;

/**
 * The course in `locale`. Outside English, every lesson and module must have
 * its translation: a missing one fails the build, naming the file.
 */
export async function getCourse(locale: Locale = DEFAULT_LOCALE): Promise<ModuleRef[]> {
  const modules = await getCollection("modules");
  const lessons = await getCollection("lessons");
  const translated = locale !== DEFAULT_LOCALE;
  const lessonTranslations = translated
    ? new Map((await getCollection("lessonTranslations")).map((t) => [lessonIdOf(t), t]))
    : undefined;
  const moduleTranslations = translated
    ? new Map((await getCollection("moduleTranslations")).map((t) => [moduleIdOf(t), t]))
    : undefined;
  const moduleIds = new Set(modules.map(moduleIdOf));
  for (const entry of lessons) {
    const moduleId = lessonIdOf(entry).split("/")[0]!;
    if (!moduleIds.has(moduleId)) {
      throw new Error(
        `${entry.filePath}: module: content/${moduleId}/module.json is missing (every module folder needs one)`,
      );
    }
  }
  const missing = (file: string) =>
    new Error(`${file}: missing; every lesson and module needs its translation (AUTHORING.md, "Translating a lesson")`);
  return modules
    .map((m) => {
      const id = moduleIdOf(m);
      const moduleText = moduleTranslations ? moduleTranslations.get(id)?.data : m.data;
      if (!moduleText) throw missing(translationFile(id, "module.json", locale));
      const own = lessons
        .filter((l) => lessonIdOf(l).startsWith(`${id}/`))
        .sort((a, b) => a.data.order - b.data.order || lessonIdOf(a).localeCompare(lessonIdOf(b)))
        .map((entry): LessonRef => {
          const lessonId = lessonIdOf(entry);
          const translation = lessonTranslations?.get(lessonId);
          if (lessonTranslations && !translation) throw missing(translationFile(lessonId, "index.mdx", locale));
          const text = translation?.data ?? entry.data;
          return {
            id: lessonId,
            title: text.title,
            summary: text.summary,
            minutes: entry.data.minutes,
            hasExercise: Boolean(entry.data.exercise),
            quizTotal: entry.data.quiz?.length ?? 0,
            href: localeHref(locale, `/${lessonId}/`),
            entry,
            translation,
          };
        });
      return { id, order: m.data.order, title: moduleText.title, summary: moduleText.summary, lessons: own };
    })
    .sort((a, b) => a.order - b.order || a.id.localeCompare(b.id))
    .map(({ order: _order, ...rest }) => rest);
}
