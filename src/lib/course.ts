// The course outline: modules and lessons in order, with ids and URLs. Built
// from the content collections; every page uses it for navigation.

import { getCollection, type CollectionEntry } from "astro:content";

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
  entry: CollectionEntry<"lessons">;
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

/** "content/01-x/02-y/index.mdx" -> "01-x/02-y" */
export function lessonIdOf(entry: CollectionEntry<"lessons">): string {
  const file = entry.filePath ?? entry.id;
  return file.replace(/^content\//, "").replace(/\/index\.mdx$/, "");
}

/** "content/01-x/module.json" -> "01-x" */
function moduleIdOf(entry: CollectionEntry<"modules">): string {
  return (entry.filePath ?? entry.id).replace(/^content\//, "").replace(/\/module\.json$/, "");
}

export async function getCourse(): Promise<ModuleRef[]> {
  const modules = await getCollection("modules");
  const lessons = await getCollection("lessons");
  const moduleIds = new Set(modules.map(moduleIdOf));
  for (const entry of lessons) {
    const moduleId = lessonIdOf(entry).split("/")[0]!;
    if (!moduleIds.has(moduleId)) {
      throw new Error(
        `${entry.filePath}: module: content/${moduleId}/module.json is missing (every module folder needs one)`,
      );
    }
  }
  return modules
    .map((m) => {
      const id = moduleIdOf(m);
      const own = lessons
        .filter((l) => lessonIdOf(l).startsWith(`${id}/`))
        .sort((a, b) => a.data.order - b.data.order || lessonIdOf(a).localeCompare(lessonIdOf(b)))
        .map((entry) => {
          const lessonId = lessonIdOf(entry);
          return {
            id: lessonId,
            title: entry.data.title,
            summary: entry.data.summary,
            minutes: entry.data.minutes,
            hasExercise: Boolean(entry.data.exercise),
            quizTotal: entry.data.quiz?.length ?? 0,
            href: withBase(`/${lessonId}/`),
            entry,
          };
        });
      return { id, order: m.data.order, title: m.data.title, summary: m.data.summary, lessons: own };
    })
    .sort((a, b) => a.order - b.order || a.id.localeCompare(b.id))
    .map(({ order: _order, ...rest }) => rest);
}
