// The learner's saved code and completed exercises, in localStorage.
// Keys are versioned ("gocourse:v1:..."). Storage that is missing, blocked,
// full, or holds data we did not write never breaks a page, and never loses
// data silently: saved code we cannot use is copied under a backup key and
// the caller gets a notice for the learner (keys of the storage message
// table, said in the page's language by storage-notice.ts); progress written
// by a newer version of the site is read where possible and never overwritten.

import type { StorageNotice } from "./storage-notice";

const VERSION = 1;
const PREFIX = `gocourse:v${VERSION}:`;
const PROGRESS_KEY = `${PREFIX}progress`;
const LAST_KEY = `${PREFIX}last`;
const codeKey = (lessonId: string) => `${PREFIX}code:${lessonId}`;
/** Backups are not versioned: any later version can find them. */
export const BACKUP_PREFIX = "gocourse:backup:";

/** The window event fired when completion changes, so marks update live. */
export const PROGRESS_EVENT = "gocourse:progress";

export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
  /** Enumeration (localStorage has it); without it no saved code can be listed. */
  readonly length?: number;
  key?(index: number): string | null;
}

/** How a lesson was completed: on the learner's own, or by running the revealed solution. */
export type Completion = "solved" | "solution-viewed";

interface SavedCode {
  version: 1;
  files: Record<string, string>;
  savedAt: number;
  /** The files are the revealed solution, not edited since. */
  fromSolution?: boolean;
}

interface ProgressData {
  version: 1;
  completed: Record<string, { at: number; how?: Completion }>;
  /** Quiz answers per lesson; absent in records written before quizzes existed. */
  quizzes?: Record<string, QuizRecord>;
}

/** A lesson's quiz as the learner last checked it. */
export interface QuizRecord {
  /** Question key (see quizKey in quiz.ts) -> index of the choice checked. */
  answers: Record<string, number>;
  /** How many of the quiz's questions were answered correctly, of `total`. */
  correct: number;
  total: number;
  at: number;
}

/** What loadCode found. */
export interface LoadedCode {
  /** The files that could be read; undefined when none. */
  files: Record<string, string> | undefined;
  /** The files were saved right after Show solution, with no edit since. */
  fromSolution: boolean;
  /** Set when saved code could not be used as is: the sentences to tell the learner (see storageText). */
  problem?: StorageNotice[];
  /** False when saving would overwrite code that could not be backed up. */
  writable: boolean;
}

/** Everything a learner owns, as export and import see it (see progress-transfer.ts). */
export interface ProgressSnapshot {
  completed: Record<string, { at: number; how?: Completion }>;
  quizzes: Record<string, QuizRecord>;
  code: Record<string, { files: Record<string, string>; savedAt: number; fromSolution?: boolean }>;
}

/**
 * What a write did; `reason` is for the learner (see storageText).
 * `unchanged`: storage already held it, so nothing was written and no one need be told.
 */
export type SaveOutcome = { saved: true; unchanged?: true } | { saved: false; reason: StorageNotice };

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const FULL: StorageNotice = { key: "storageFull" };
const UNAVAILABLE: StorageNotice = { key: "storageUnavailable" };

function describeError(error: unknown): StorageNotice {
  return error instanceof DOMException && /quota/i.test(error.name) ? FULL : UNAVAILABLE;
}

export class ProgressStore {
  constructor(
    private readonly storage: StorageLike | undefined,
    private readonly warn: (message: string) => void = (m) => console.warn(m),
  ) {}

  /** The raw string under key: null when absent, an Error when the read itself failed. */
  private raw(key: string): string | null | Error {
    if (!this.storage) return null;
    try {
      return this.storage.getItem(key);
    } catch (error) {
      this.warn(`Saved progress is unreadable (${String(error)}); continuing without it.`);
      return error instanceof Error ? error : new Error(String(error));
    }
  }

  private write(key: string, value: string): SaveOutcome {
    if (!this.storage) return { saved: false, reason: UNAVAILABLE };
    try {
      this.storage.setItem(key, value);
      return { saved: true };
    } catch (error) {
      this.warn(`Could not save to browser storage (${String(error)}).`);
      return { saved: false, reason: describeError(error) };
    }
  }

  /**
   * Copies raw under a backup key and returns the key, or undefined when it
   * could not be written. The same content is backed up once.
   */
  backup(name: string, raw: string): string | undefined {
    const base = `${BACKUP_PREFIX}${name}`;
    const existing = this.raw(base);
    if (existing === raw) return base;
    const key = existing === null ? base : `${base}:${Date.now()}`;
    return this.write(key, raw).saved ? key : undefined;
  }

  /** The learner's saved files for a lesson, and what to tell them if some could not be used. */
  loadCode(lessonId: string): LoadedCode {
    const raw = this.raw(codeKey(lessonId));
    if (raw === null) return { files: undefined, fromSolution: false, writable: true };
    if (raw instanceof Error) {
      return {
        files: undefined,
        fromSolution: false,
        writable: false,
        problem: [{ key: "codeBlocked" }],
      };
    }
    let data: unknown;
    try {
      data = JSON.parse(raw);
    } catch {
      data = undefined;
    }
    const version = isObject(data) ? data.version : undefined;
    if (version === VERSION && isObject(data) && isObject(data.files)) {
      const entries = Object.entries(data.files);
      // fromEntries defines own properties, so a file named "__proto__" stays a file.
      const files = Object.fromEntries(entries.filter(([, v]) => typeof v === "string")) as Record<string, string>;
      const unreadable = entries.filter(([, v]) => typeof v !== "string").map(([name]) => name);
      const fromSolution = data.fromSolution === true;
      if (unreadable.length === 0) return { files, fromSolution, writable: true };
      return this.keep(lessonId, raw, files, { key: "filesUnreadable", params: { files: unreadable.join(", ") } });
    }
    const newer = typeof version === "number" && version > VERSION;
    return this.keep(lessonId, raw, undefined, { key: newer ? "codeNewer" : "codeUnknownFormat" });
  }

  private keep(
    lessonId: string,
    raw: string,
    files: Record<string, string> | undefined,
    why: StorageNotice,
  ): LoadedCode {
    this.warn(`Saved code could not be used (${why.key}) (lesson ${lessonId})`);
    const key = this.backup(`code:${lessonId}`, raw);
    if (key) {
      const then: StorageNotice = { key: files ? "othersRestored" : "startingFresh" };
      return {
        files,
        fromSolution: false,
        writable: true,
        problem: [why, { key: "keptUnder", params: { key } }, then],
      };
    }
    return { files, fromSolution: false, writable: false, problem: [why, { key: "notBackedUp" }] };
  }

  /** Saves the learner's files; `fromSolution` marks them as the revealed solution. */
  saveCode(lessonId: string, files: Record<string, string>, fromSolution = false): boolean {
    const data: SavedCode = { version: VERSION, files, savedAt: Date.now(), ...(fromSolution ? { fromSolution } : {}) };
    return this.write(codeKey(lessonId), JSON.stringify(data)).saved;
  }

  clearCode(lessonId: string): void {
    try {
      this.storage?.removeItem(codeKey(lessonId));
    } catch (error) {
      this.warn(`Could not clear saved code (${String(error)}).`);
    }
  }

  /** The progress record, and whether this build may write it back. */
  private progress(): { data: ProgressData; writable: boolean; newer: boolean } {
    const fresh = (): ProgressData => ({ version: VERSION, completed: {} });
    const raw = this.raw(PROGRESS_KEY);
    if (raw === null) return { data: fresh(), writable: true, newer: false };
    if (raw instanceof Error) return { data: fresh(), writable: false, newer: false };
    let data: unknown;
    try {
      data = JSON.parse(raw);
    } catch {
      data = undefined;
    }
    const version = isObject(data) ? data.version : undefined;
    const completed = isObject(data) && isObject(data.completed) ? data.completed : undefined;
    const quizzes = isObject(data) && isObject(data.quizzes) ? data.quizzes : {};
    if (typeof version === "number" && version > VERSION) {
      // A newer build's record: show what we can read, never write over it.
      return {
        data: {
          version: VERSION,
          completed: (completed ?? {}) as ProgressData["completed"],
          quizzes: quizzes as ProgressData["quizzes"],
        },
        writable: false,
        newer: true,
      };
    }
    if (version === VERSION && completed) {
      // Keep every field, including ones this build does not know, when writing back.
      return { data: { ...(data as Record<string, unknown>), quizzes } as ProgressData, writable: true, newer: false };
    }
    this.warn("Saved progress has an unknown format; it is backed up and progress starts afresh.");
    return { data: fresh(), writable: this.backup("progress", raw) !== undefined, newer: false };
  }

  /** Every completed lesson and how it was completed. */
  completions(): Map<string, Completion> {
    const out = new Map<string, Completion>();
    for (const [id, entry] of Object.entries(this.progress().data.completed)) {
      out.set(id, isObject(entry) && entry.how === "solution-viewed" ? "solution-viewed" : "solved");
    }
    return out;
  }

  completedIds(): Set<string> {
    return new Set(this.completions().keys());
  }

  /** How the lesson was completed, or undefined when it was not. */
  completion(lessonId: string): Completion | undefined {
    return this.completions().get(lessonId);
  }

  isComplete(lessonId: string): boolean {
    return this.completion(lessonId) !== undefined;
  }

  /**
   * Records that every test of the lesson's exercise passed. A lesson solved
   * on the learner's own stays "solved" when later passed with the solution.
   */
  markComplete(lessonId: string, how: Completion = "solved"): SaveOutcome {
    const { data, writable, newer } = this.progress();
    const current = Object.hasOwn(data.completed, lessonId) ? data.completed[lessonId] : undefined;
    const currentHow = current ? (current.how ?? "solved") : undefined;
    if (currentHow === "solved" || currentHow === how) return { saved: true, unchanged: true };
    if (!writable) return notWritable(newer);
    data.completed[lessonId] = { at: Date.now(), ...(how === "solved" ? {} : { how }) };
    return this.write(PROGRESS_KEY, JSON.stringify(data));
  }

  /** Remembers the lesson being read, for "continue where you left off". */
  visit(lessonId: string): void {
    this.write(LAST_KEY, JSON.stringify({ lessonId, at: Date.now() }));
  }

  /** The lesson read last, if any. */
  lastVisit(): string | undefined {
    const raw = this.raw(LAST_KEY);
    if (typeof raw !== "string") return undefined;
    try {
      const data: unknown = JSON.parse(raw);
      return isObject(data) && typeof data.lessonId === "string" ? data.lessonId : undefined;
    } catch {
      return undefined;
    }
  }

  /** The quiz answers checked in a lesson, when a readable record exists. */
  quiz(lessonId: string): QuizRecord | undefined {
    const quizzes = this.progress().data.quizzes ?? {};
    const entry = Object.hasOwn(quizzes, lessonId) ? quizzes[lessonId] : undefined;
    if (!isObject(entry) || !isObject(entry.answers)) return undefined;
    const { correct, total } = entry;
    if (typeof correct !== "number" || typeof total !== "number") return undefined;
    const answers = Object.fromEntries(
      Object.entries(entry.answers).filter(([, v]) => Number.isInteger(v) && (v as number) >= 0),
    ) as Record<string, number>;
    return { answers, correct, total, at: typeof entry.at === "number" ? entry.at : 0 };
  }

  /** Every lesson's quiz score: lesson id -> { correct, total }. */
  quizScores(): Map<string, { correct: number; total: number }> {
    const out = new Map<string, { correct: number; total: number }>();
    for (const id of Object.keys(this.progress().data.quizzes ?? {})) {
      const record = this.quiz(id);
      if (record) out.set(id, { correct: record.correct, total: record.total });
    }
    return out;
  }

  /** Saves a lesson's quiz answers and score. */
  saveQuiz(lessonId: string, record: Omit<QuizRecord, "at">): SaveOutcome {
    const { data, writable, newer } = this.progress();
    if (!writable) return notWritable(newer);
    data.quizzes = { ...data.quizzes, [lessonId]: { ...record, at: Date.now() } };
    return this.write(PROGRESS_KEY, JSON.stringify(data));
  }

  /** Lessons with saved code in this browser. */
  savedCodeLessons(): string[] {
    const prefix = codeKey("");
    const out: string[] = [];
    try {
      const n = this.storage?.length ?? 0;
      for (let i = 0; i < n; i++) {
        const key = this.storage?.key?.(i);
        if (key?.startsWith(prefix)) out.push(key.slice(prefix.length));
      }
    } catch (error) {
      this.warn(`Could not list saved code (${String(error)}).`);
    }
    return out.sort();
  }

  /** Everything readable: completions, quiz answers and saved code (unreadable code is left out). */
  snapshot(): ProgressSnapshot {
    const { data } = this.progress();
    const completed: ProgressSnapshot["completed"] = {};
    for (const [id, how] of this.completions()) {
      const entry = data.completed[id] as unknown;
      const at = isObject(entry) && typeof entry.at === "number" ? entry.at : 0;
      completed[id] = how === "solved" ? { at } : { at, how };
    }
    const quizzes: ProgressSnapshot["quizzes"] = {};
    for (const id of Object.keys(data.quizzes ?? {})) {
      const record = this.quiz(id);
      if (record) quizzes[id] = record;
    }
    const code: ProgressSnapshot["code"] = {};
    for (const id of this.savedCodeLessons()) {
      const raw = this.raw(codeKey(id));
      if (typeof raw !== "string") continue;
      const loaded = this.loadCode(id);
      if (!loaded.files) continue;
      let savedAt = 0;
      try {
        const parsed: unknown = JSON.parse(raw);
        if (isObject(parsed) && typeof parsed.savedAt === "number") savedAt = parsed.savedAt;
      } catch {
        // loadCode already reported it.
      }
      code[id] = { files: loaded.files, savedAt, ...(loaded.fromSolution ? { fromSolution: true } : {}) };
    }
    return { completed, quizzes, code };
  }

  /**
   * Makes stored progress and code equal to `next` (validated by the caller).
   * What it overwrites or removes is first copied under backup keys, and
   * nothing is written unless the progress record may be.
   */
  replaceAll(next: ProgressSnapshot): SaveOutcome {
    const { data, writable, newer } = this.progress();
    if (!writable) return notWritable(newer);
    const raw = this.raw(PROGRESS_KEY);
    if (typeof raw === "string" && !this.backup("progress", raw)) {
      return { saved: false, reason: { key: "progressNotBackedUp" } };
    }
    data.completed = { ...next.completed };
    data.quizzes = { ...next.quizzes };
    const wrote = this.write(PROGRESS_KEY, JSON.stringify(data));
    if (!wrote.saved) return wrote;
    for (const id of this.savedCodeLessons()) {
      if (Object.hasOwn(next.code, id)) continue;
      const old = this.raw(codeKey(id));
      if (typeof old === "string" && !this.backup(`code:${id}`, old)) continue; // never drop what cannot be kept
      this.clearCode(id);
    }
    for (const [id, saved] of Object.entries(next.code)) {
      const old = this.raw(codeKey(id));
      const value: SavedCode = { version: VERSION, ...saved };
      if (typeof old === "string" && !this.backup(`code:${id}`, old)) {
        return { saved: false, reason: { key: "codeNotBackedUp", params: { lesson: id } } };
      }
      const outcome = this.write(codeKey(id), JSON.stringify(value));
      if (!outcome.saved) return outcome;
    }
    return { saved: true };
  }

  /** Forgets a lesson: its saved code, completion and quiz answers. */
  resetLesson(lessonId: string): SaveOutcome {
    const { data, writable, newer } = this.progress();
    const has = Object.hasOwn(data.completed, lessonId) || Object.hasOwn(data.quizzes ?? {}, lessonId);
    if (has) {
      if (!writable) return notWritable(newer);
      delete data.completed[lessonId];
      if (data.quizzes) delete data.quizzes[lessonId];
      const wrote = this.write(PROGRESS_KEY, JSON.stringify(data));
      if (!wrote.saved) return wrote;
    }
    this.clearCode(lessonId);
    return { saved: true };
  }
}

/** Why the progress record may not be written, for the learner. */
function notWritable(newer: boolean): SaveOutcome {
  return { saved: false, reason: newer ? { key: "progressNewer" } : UNAVAILABLE };
}

/** The store over window.localStorage; access itself can throw (blocked storage). */
export function browserStore(): ProgressStore {
  let storage: StorageLike | undefined;
  try {
    storage = window.localStorage;
  } catch (error) {
    console.warn(`Browser storage is unavailable (${String(error)}); progress will not be saved.`);
  }
  return new ProgressStore(storage);
}
