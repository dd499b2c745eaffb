// The learner's saved code and completed exercises, in localStorage.
// Keys are versioned ("gocourse:v1:..."). Storage that is missing, blocked,
// full, or holds data we did not write never breaks a page: reads fall back to
// nothing, writes report failure, and both warn once in the console.

const PREFIX = "gocourse:v1:";
const PROGRESS_KEY = `${PREFIX}progress`;
const codeKey = (lessonId: string) => `${PREFIX}code:${lessonId}`;

/** The window event fired when completion changes, so marks update live. */
export const PROGRESS_EVENT = "gocourse:progress";

export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

interface SavedCode {
  version: 1;
  files: Record<string, string>;
  savedAt: number;
}

interface ProgressData {
  version: 1;
  completed: Record<string, { at: number }>;
}

function isRecordOfStrings(value: unknown): value is Record<string, string> {
  return (
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every((v) => typeof v === "string")
  );
}

export class ProgressStore {
  constructor(
    private readonly storage: StorageLike | undefined,
    private readonly warn: (message: string) => void = (m) => console.warn(m),
  ) {}

  private read(key: string): unknown {
    if (!this.storage) return undefined;
    let raw: string | null;
    try {
      raw = this.storage.getItem(key);
    } catch (error) {
      this.warn(`Saved progress is unreadable (${String(error)}); continuing without it.`);
      return undefined;
    }
    if (raw === null) return undefined;
    try {
      return JSON.parse(raw);
    } catch {
      this.warn(`Saved data under "${key}" is not valid JSON; ignoring it.`);
      return undefined;
    }
  }

  private write(key: string, value: unknown): boolean {
    if (!this.storage) return false;
    try {
      this.storage.setItem(key, JSON.stringify(value));
      return true;
    } catch (error) {
      this.warn(`Could not save to browser storage (${String(error)}).`);
      return false;
    }
  }

  /** The learner's saved files for a lesson, or undefined if none are saved or readable. */
  loadCode(lessonId: string): Record<string, string> | undefined {
    const data = this.read(codeKey(lessonId)) as Partial<SavedCode> | undefined;
    if (data === undefined) return undefined;
    if (data?.version !== 1 || !isRecordOfStrings(data.files)) {
      this.warn(`Saved code for ${lessonId} has an unknown format; starting from the starter files.`);
      return undefined;
    }
    return data.files;
  }

  /** Saves the learner's files; false when storage is unavailable or full. */
  saveCode(lessonId: string, files: Record<string, string>): boolean {
    const data: SavedCode = { version: 1, files, savedAt: Date.now() };
    return this.write(codeKey(lessonId), data);
  }

  clearCode(lessonId: string): void {
    try {
      this.storage?.removeItem(codeKey(lessonId));
    } catch (error) {
      this.warn(`Could not clear saved code (${String(error)}).`);
    }
  }

  private progress(): ProgressData {
    const data = this.read(PROGRESS_KEY) as Partial<ProgressData> | undefined;
    if (data === undefined) return { version: 1, completed: {} };
    if (
      data?.version !== 1 ||
      typeof data.completed !== "object" ||
      data.completed === null ||
      Array.isArray(data.completed)
    ) {
      this.warn("Saved progress has an unknown format; ignoring it.");
      return { version: 1, completed: {} };
    }
    return { version: 1, completed: data.completed };
  }

  completedIds(): Set<string> {
    return new Set(Object.keys(this.progress().completed));
  }

  isComplete(lessonId: string): boolean {
    return this.completedIds().has(lessonId);
  }

  /** Records that every test of the lesson's exercise passed. */
  markComplete(lessonId: string): boolean {
    const data = this.progress();
    if (data.completed[lessonId]) return true;
    data.completed[lessonId] = { at: Date.now() };
    return this.write(PROGRESS_KEY, data);
  }
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
