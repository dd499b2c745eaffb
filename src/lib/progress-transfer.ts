// Progress the learner owns: export everything (completions, quiz answers,
// saved code) as one JSON file, and import such a file. An import is parsed
// and validated in full before anything is written; every error names the
// field at fault. planImport says what an import will change, for the
// learner to confirm, and computes the result of a merge or a replace.

import type { Completion, ProgressSnapshot, QuizRecord } from "./progress-store";

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

class Invalid extends Error {}

/** A field's path as code would write it: quizzes["m/a"].correct. */
const where = (path: string[]) =>
  path.map((p, i) => (/^[A-Za-z_$][\w$]*$/.test(p) ? `${i ? "." : ""}${p}` : `[${JSON.stringify(p)}]`)).join("");

function object(value: unknown, path: string[]): Record<string, unknown> {
  if (!isObject(value)) throw new Invalid(`${where(path)} must be an object.`);
  return value;
}

function time(value: unknown, path: string[]): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    throw new Invalid(`${where(path)} must be a time (milliseconds since 1970).`);
  }
  return value;
}

function count(value: unknown, path: string[]): number {
  if (!Number.isInteger(value) || (value as number) < 0) throw new Invalid(`${where(path)} must be a whole number.`);
  return value as number;
}

/**
 * Parses and validates an export file. Lessons not in `known` (when given)
 * are left out and listed in `skipped`, so a file from an older course
 * still imports what this one has.
 */
export function parseExport(text: string, known?: ReadonlySet<string>): ParseResult {
  if (text.length > MAX_IMPORT_BYTES) return { ok: false, error: "The file is too large to be a progress export." };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `The file is not JSON (${error instanceof Error ? error.message : String(error)}).` };
  }
  if (!isObject(data) || data.format !== EXPORT_FORMAT) {
    return {
      ok: false,
      error: 'The file is not a progress export from this course (its "format" is missing or different).',
    };
  }
  if (typeof data.version === "number" && data.version > EXPORT_VERSION) {
    return {
      ok: false,
      error: `The file was exported by a newer version of this site (format ${data.version}); reload this page to update, then import again.`,
    };
  }
  if (data.version !== EXPORT_VERSION) return { ok: false, error: `"version" must be ${EXPORT_VERSION}.` };
  const skipped = new Set<string>();
  const keep = (id: string) => {
    if (!known || known.has(id)) return true;
    skipped.add(id);
    return false;
  };
  try {
    const snapshot: ProgressSnapshot = { completed: {}, quizzes: {}, code: {} };
    for (const [id, entry] of Object.entries(object(data.completed, ["completed"]))) {
      const e = object(entry, ["completed", id]);
      const at = time(e.at, ["completed", id, "at"]);
      if (e.how !== undefined && e.how !== "solved" && e.how !== "solution-viewed") {
        throw new Invalid(`${where(["completed", id, "how"])} must be "solved" or "solution-viewed".`);
      }
      const how = e.how as Completion | undefined;
      if (keep(id)) snapshot.completed[id] = how === "solution-viewed" ? { at, how } : { at };
    }
    for (const [id, entry] of Object.entries(object(data.quizzes ?? {}, ["quizzes"]))) {
      const e = object(entry, ["quizzes", id]);
      const answers: Record<string, number> = {};
      for (const [q, choice] of Object.entries(object(e.answers, ["quizzes", id, "answers"]))) {
        answers[q] = count(choice, ["quizzes", id, "answers", q]);
      }
      const record: QuizRecord = {
        answers,
        correct: count(e.correct, ["quizzes", id, "correct"]),
        total: count(e.total, ["quizzes", id, "total"]),
        at: time(e.at, ["quizzes", id, "at"]),
      };
      if (record.correct > record.total)
        throw new Invalid(`${where(["quizzes", id, "correct"])} is more than its total.`);
      if (keep(id)) snapshot.quizzes[id] = record;
    }
    for (const [id, entry] of Object.entries(object(data.code ?? {}, ["code"]))) {
      const e = object(entry, ["code", id]);
      const files: Record<string, string> = {};
      for (const [name, contents] of Object.entries(object(e.files, ["code", id, "files"]))) {
        if (typeof contents !== "string") throw new Invalid(`${where(["code", id, "files", name])} must be text.`);
        files[name] = contents;
      }
      if (e.fromSolution !== undefined && typeof e.fromSolution !== "boolean") {
        throw new Invalid(`${where(["code", id, "fromSolution"])} must be true or false.`);
      }
      const savedAt = time(e.savedAt, ["code", id, "savedAt"]);
      if (keep(id)) snapshot.code[id] = { files, savedAt, ...(e.fromSolution === true ? { fromSolution: true } : {}) };
    }
    return { ok: true, snapshot, skipped: [...skipped].sort() };
  } catch (error) {
    if (error instanceof Invalid) return { ok: false, error: `The file cannot be imported: ${error.message}` };
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
const lessons = (n: number) => (n === 1 ? "1 lesson" : `${n} lessons`);

/**
 * Merge keeps the better of each: "solved" over "solution viewed", the
 * quiz answers and the code saved last. Replace makes this browser hold
 * exactly the file's progress. Anything overwritten is backed up by the store.
 */
export function planImport(current: ProgressSnapshot, incoming: ProgressSnapshot, mode: ImportMode): ImportPlan {
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
  if (done.added.length) changes.push(`Mark ${lessons(done.added.length)} complete: ${done.added.join(", ")}.`);
  if (upgraded.length) changes.push(`Change how ${lessons(upgraded.length)} were completed: ${upgraded.join(", ")}.`);
  if (done.removed.length)
    changes.push(`Mark ${lessons(done.removed.length)} not complete: ${done.removed.join(", ")}.`);
  const quiz = diff(current.quizzes, next.quizzes);
  if (quiz.added.length + quiz.changed.length) {
    changes.push(
      `Set quiz answers for ${lessons(quiz.added.length + quiz.changed.length)}: ${[...quiz.added, ...quiz.changed].join(", ")}.`,
    );
  }
  if (quiz.removed.length)
    changes.push(`Clear quiz answers for ${lessons(quiz.removed.length)}: ${quiz.removed.join(", ")}.`);
  const code = diff(current.code, next.code);
  if (code.added.length) changes.push(`Add saved code for ${lessons(code.added.length)}: ${code.added.join(", ")}.`);
  if (code.changed.length) {
    changes.push(
      `Replace your saved code (kept as a backup in this browser) for ${lessons(code.changed.length)}: ${code.changed.join(", ")}.`,
    );
  }
  if (code.removed.length) {
    changes.push(
      `Remove your saved code (kept as a backup in this browser) for ${lessons(code.removed.length)}: ${code.removed.join(", ")}.`,
    );
  }
  return { next, changes };
}
