// Build time: the lesson pages of one locale, for getStaticPaths in
// src/pages/[module]/[lesson].astro and src/pages/zh-cn/[module]/[lesson].astro.
// Each page gets its lesson, its module's title and its neighbours, all in
// that locale, so the pager and the exercise's "next" link stay in it.

import type { Locale } from "../i18n/locales";
import { getCourse, type LessonRef } from "./course";

/** What a lesson page renders (src/components/pages/LessonPage.astro). */
export interface LessonPageProps {
  locale: Locale;
  lesson: LessonRef;
  moduleTitle: string;
  prev?: LessonRef | undefined;
  next?: LessonRef | undefined;
}

export async function lessonPaths(locale: Locale) {
  const course = await getCourse(locale);
  const flat = course.flatMap((m) => m.lessons.map((lesson) => ({ lesson, module: m })));
  return flat.map(({ lesson, module }, i) => {
    const [moduleSlug, lessonSlug] = lesson.id.split("/");
    const props: LessonPageProps = {
      locale,
      lesson,
      moduleTitle: module.title,
      prev: flat[i - 1]?.lesson,
      next: flat[i + 1]?.lesson,
    };
    return { params: { module: moduleSlug!, lesson: lessonSlug! }, props };
  });
}
