// Progress the learner owns: export everything (completions, quiz answers,
// saved code) as one JSON file, and import such a file. An import is parsed
// and validated in full before anything is written; every error names the
// field at fault. planImport says what an import will change, for the
// learner to confirm, and computes the result of a merge or a replace. Every
// sentence is in the locale asked for (src/i18n/messages/transfer.ts).

import { DEFAULT_LOCALE, type Locale } from "../i18n/locales";
import { translator, type KeyOf, type Translator } from "../i18n/messages/define";
import messages from "../i18n/messages/transfer";
import type { Completion, ProgressSnapshot, QuizRecord } from "./progress-store";

type T = Translator<KeyOf<typeof messages>>;

/** The `format` field of an export file. */
export const EXPORT_FORMAT = "gocourse-progress";
/** The export format this build writes and reads. */
export const EXPORT_VERSION = 1;
/** The largest file accepted (code for every lesson fits many times over). */
export const MAX_IMPORT_BYTES = 8 * 1024 * 1024;

/** The file, as written by exportFile. */
export interface ExportFile extends ProgressSnapshot {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exportedAt: string;
}

/** A validated import, or the sentence that says what is wrong. */
export type ParseResult = { ok: true; snapshot: ProgressSnapshot; skipped: string[] } | { ok: false; error: string };

/** The text of an export file for the snapshot. */
export function exportFile(snapshot: ProgressSnapshot, now = new Date()): string {
  const file: ExportFile = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: now.toISOString(),
    ...snapshot,
  };
  return JSON.stringify(file, null, 2);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

class Invalid extends Error {
  constructor(t: T, key: KeyOf<typeof messages>, path: string[]) {
    super(t(key, { field: where(path) }));
  }
}

/** A field's path as code would write it: quizzes["m/a"].correct. */
const where = (path: string[]) =>
  path.map((p, i) => (/^[A-Za-z_$][\w$]*$/.test(p) ? `${i ? "." : ""}${p}` : `[${JSON.stringify(p)}]`)).join("");

function object(t: T, value: unknown, path: string[]): Record<string, unknown> {
  if (!isObject(value)) throw new Invalid(t, "mustBeObject", path);
  return value;
}

function time(t: T, value: unknown, path: string[]): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) throw new Invalid(t, "mustBeTime", path);
  return value;
}

function count(t: T, value: unknown, path: string[]): number {
  if (!Number.isInteger(value) || (value as number) < 0) throw new Invalid(t, "mustBeCount", path);
  return value as number;
}

/**
 * Parses and validates an export file. Lessons not in `known` (when given)
 * are left out and listed in `skipped`, so a file from an older course
 * still imports what this one has.
 */
export function parseExport(text: string, known?: ReadonlySet<string>, locale: Locale = DEFAULT_LOCALE): ParseResult {
  const t = translator(messages, locale);
  if (text.length > MAX_IMPORT_BYTES) return { ok: false, error: t("tooLarge") };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: t("notJson", { error: error instanceof Error ? error.message : String(error) }) };
  }
  if (!isObject(data) || data.format !== EXPORT_FORMAT) return { ok: false, error: t("notExport") };
  if (typeof data.version === "number" && data.version > EXPORT_VERSION) {
    return { ok: false, error: t("newer", { version: data.version }) };
  }
  if (data.version !== EXPORT_VERSION) return { ok: false, error: t("badVersion", { version: EXPORT_VERSION }) };
  const skipped = new Set<string>();
  const keep = (id: string) => {
    if (!known || known.has(id)) return true;
    skipped.add(id);
    return false;
  };
  try {
    const snapshot: ProgressSnapshot = { completed: {}, quizzes: {}, code: {} };
    for (const [id, entry] of Object.entries(object(t, data.completed, ["completed"]))) {
      const e = object(t, entry, ["completed", id]);
      const at = time(t, e.at, ["completed", id, "at"]);
      if (e.how !== undefined && e.how !== "solved" && e.how !== "solution-viewed") {
        throw new Invalid(t, "mustBeHow", ["completed", id, "how"]);
      }
      const how = e.how as Completion | undefined;
      if (keep(id)) snapshot.completed[id] = how === "solution-viewed" ? { at, how } : { at };
    }
    for (const [id, entry] of Object.entries(object(t, data.quizzes ?? {}, ["quizzes"]))) {
      const e = object(t, entry, ["quizzes", id]);
      const answers: Record<string, number> = {};
      for (const [q, choice] of Object.entries(object(t, e.answers, ["quizzes", id, "answers"]))) {
        answers[q] = count(t, choice, ["quizzes", id, "answers", q]);
      }
      const record: QuizRecord = {
        answers,
        correct: count(t, e.correct, ["quizzes", id, "correct"]),
        total: count(t, e.total, ["quizzes", id, "total"]),
        at: time(t, e.at, ["quizzes", id, "at"]),
      };
      if (record.correct > record.total) throw new Invalid(t, "moreThanTotal", ["quizzes", id, "correct"]);
      if (keep(id)) snapshot.quizzes[id] = record;
    }
    for (const [id, entry] of Object.entries(object(t, data.code ?? {}, ["code"]))) {
      const e = object(t, entry, ["code", id]);
      const files: Record<string, string> = {};
      for (const [name, contents] of Object.entries(object(t, e.files, ["code", id, "files"]))) {
        if (typeof contents !== "string") throw new Invalid(t, "mustBeText", ["code", id, "files", name]);
        files[name] = contents;
      }
      if (e.fromSolution !== undefined && typeof e.fromSolution !== "boolean") {
        throw new Invalid(t, "mustBeBoolean", ["code", id, "fromSolution"]);
      }
      const savedAt = time(t, e.savedAt, ["code", id, "savedAt"]);
      if (keep(id)) snapshot.code[id] = { files, savedAt, ...(e.fromSolution === true ? { fromSolution: true } : {}) };
    }
    return { ok: true, snapshot, skipped: [...skipped].sort() };
  } catch (error) {
    if (error instanceof Invalid) return { ok: false, error: t("cannotImport", { error: error.message }) };
    throw error;
  }
}

/** How an import combines with what this browser has. */
export type ImportMode = "merge" | "replace";

/** The result of an import, and what it changes in words. */
export interface ImportPlan {
  next: ProgressSnapshot;
  changes: string[];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Merge keeps the better of each: "solved" over "solution viewed", the
 * quiz answers and the code saved last. Replace makes this browser hold
 * exactly the file's progress. Anything overwritten is backed up by the store.
 */
export function planImport(
  current: ProgressSnapshot,
  incoming: ProgressSnapshot,
  mode: ImportMode,
  locale: Locale = DEFAULT_LOCALE,
): ImportPlan {
  const t = translator(messages, locale);
  // One sentence per kind of change: how many lessons, and which.
  const say = (key: KeyOf<typeof messages>, ids: string[]) =>
    changes.push(
      t(key, { lessons: ids.length === 1 ? t("oneLesson") : t("manyLessons", { n: ids.length }), ids: ids.join(", ") }),
    );
  let next: ProgressSnapshot;
  if (mode === "replace") next = structuredClone(incoming);
  else {
    next = structuredClone(current);
    for (const [id, e] of Object.entries(incoming.completed)) {
      const mine = Object.hasOwn(next.completed, id) ? next.completed[id] : undefined;
      if (!mine || ((mine.how ?? "solved") !== "solved" && (e.how ?? "solved") === "solved")) next.completed[id] = e;
    }
    for (const [id, q] of Object.entries(incoming.quizzes)) {
      const mine = Object.hasOwn(next.quizzes, id) ? next.quizzes[id] : undefined;
      if (!mine || q.at > mine.at) next.quizzes[id] = q;
    }
    for (const [id, c] of Object.entries(incoming.code)) {
      const mine = Object.hasOwn(next.code, id) ? next.code[id] : undefined;
      if (!mine || c.savedAt > mine.savedAt) next.code[id] = c;
    }
  }
  const changes: string[] = [];
  const diff = <T>(a: Record<string, T>, b: Record<string, T>) => ({
    added: Object.keys(b).filter((id) => !Object.hasOwn(a, id)),
    changed: Object.keys(b).filter((id) => Object.hasOwn(a, id) && !same(a[id], b[id])),
    removed: Object.keys(a).filter((id) => !Object.hasOwn(b, id)),
  });
  const done = diff(current.completed, next.completed);
  const upgraded = done.changed.filter(
    (id) => (next.completed[id]!.how ?? "solved") !== (current.completed[id]!.how ?? "solved"),
  );
  if (done.added.length) say("markComplete", done.added);
  if (upgraded.length) say("changeHow", upgraded);
  if (done.removed.length) say("markIncomplete", done.removed);
  const quiz = diff(current.quizzes, next.quizzes);
  if (quiz.added.length + quiz.changed.length) say("setQuiz", [...quiz.added, ...quiz.changed]);
  if (quiz.removed.length) say("clearQuiz", quiz.removed);
  const code = diff(current.code, next.code);
  if (code.added.length) say("addCode", code.added);
  if (code.changed.length) say("replaceCode", code.changed);
  if (code.removed.length) say("removeCode", code.removed);
  return { next, changes };
}
