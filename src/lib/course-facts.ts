// The course in figures for the home page, counted from the content so they
// follow it: lessons, modules, total minutes, and the first lesson.

import { DEFAULT_LOCALE, type Locale } from "../i18n/locales";
import { translator } from "../i18n/messages/define";
import messages from "../i18n/messages/home";
import type { ModuleRef } from "./course";

/** What the home page says about the course's size and where it starts. */
export interface CourseFacts {
  lessons: number;
  modules: number;
  minutes: number;
  /** `minutes` in words: "95 minutes" under two hours, else "6.5 hours" (to the half hour), in the locale. */
  duration: string;
  first?: { title: string; href: string } | undefined;
}

/** Counts the course's lessons and sums their `minutes`. */
export function courseFacts(course: Pick<ModuleRef, "lessons">[], locale: Locale = DEFAULT_LOCALE): CourseFacts {
  const t = translator(messages, locale);
  const lessons = course.flatMap((m) => m.lessons);
  const minutes = lessons.reduce((sum, l) => sum + l.minutes, 0);
  const duration =
    minutes < 120 ? t("minutesLong", { n: minutes }) : t("hoursLong", { n: Math.round(minutes / 30) / 2 });
  const first = lessons[0];
  return {
    lessons: lessons.length,
    modules: course.filter((m) => m.lessons.length > 0).length,
    minutes,
    duration,
    first: first && { title: first.title, href: first.href },
  };
}
