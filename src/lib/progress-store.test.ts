import { describe, expect, it } from "vitest";
import { ProgressStore, type StorageLike } from "./progress-store";
import { storageText, type StorageNotice } from "./storage-notice";

/** A notice as the English page says it. */
const said = (notice: StorageNotice | StorageNotice[] | undefined) => (notice ? storageText(notice) : undefined);

function memoryStorage(initial: Record<string, string> = {}): StorageLike & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

/** Storage whose writes to keys matching `full` throw QuotaExceededError. */
function fullFor(full: RegExp, initial: Record<string, string> = {}) {
  const storage = memoryStorage(initial);
  const setItem = storage.setItem;
  storage.setItem = (k, v) => {
    if (full.test(k)) throw new DOMException("quota", "QuotaExceededError");
    setItem(k, v);
  };
  return storage;
}

const CODE = "gocourse:v1:code:m/a";
const PROGRESS = "gocourse:v1:progress";

describe("ProgressStore code", () => {
  it("saves and restores code per lesson", () => {
    const store = new ProgressStore(memoryStorage(), () => {});
    expect(store.saveCode("m/a", { "a.ts": "x" })).toBe(true);
    expect(store.loadCode("m/a")).toEqual({ files: { "a.ts": "x" }, fromSolution: false, writable: true });
    expect(store.loadCode("m/b")).toEqual({ files: undefined, fromSolution: false, writable: true });
    store.clearCode("m/a");
    expect(store.loadCode("m/a").files).toBeUndefined();
  });

  it("remembers that the saved files are the revealed solution", () => {
    const store = new ProgressStore(memoryStorage(), () => {});
    store.saveCode("m/a", { "a.ts": "solution" }, true);
    expect(store.loadCode("m/a").fromSolution).toBe(true);
    store.saveCode("m/a", { "a.ts": "edited" });
    expect(store.loadCode("m/a").fromSolution).toBe(false);
  });

  const unreadable: [string, string, RegExp][] = [
    ["corrupt JSON", "{not json", /format this site cannot read/],
    ["a foreign shape", JSON.stringify(["foreign"]), /format this site cannot read/],
    ["a newer version", JSON.stringify({ version: 2, files: { "a.ts": "future" } }), /newer version/],
  ];
  for (const [what, raw, why] of unreadable)
    it(`backs up ${what} under a backup key and says where`, () => {
      const storage = memoryStorage({ [CODE]: raw });
      const store = new ProgressStore(storage, () => {});
      const loaded = store.loadCode("m/a");
      expect(loaded.files).toBeUndefined();
      expect(loaded.writable).toBe(true);
      expect(said(loaded.problem)).toMatch(why);
      expect(said(loaded.problem)).toContain('"gocourse:backup:code:m/a"');
      expect(storage.data.get("gocourse:backup:code:m/a")).toBe(raw);
      // The original stays until the learner's next save.
      expect(storage.data.get(CODE)).toBe(raw);
    });

  it("keeps the readable files when one file is not a string", () => {
    // Written as text: in an object literal "__proto__" would set the prototype, not a file.
    const raw = '{"version":1,"files":{"a.ts":"mine","b.ts":42,"__proto__":"p"}}';
    const storage = memoryStorage({ [CODE]: raw });
    const loaded = new ProgressStore(storage, () => {}).loadCode("m/a");
    expect(loaded.files).toEqual({ "a.ts": "mine", ["__proto__"]: "p" });
    expect(Object.hasOwn(loaded.files!, "__proto__")).toBe(true);
    expect(said(loaded.problem)).toMatch(
      /could not be read \(b\.ts\)\..*gocourse:backup:code:m\/a.*other files are restored/,
    );
    expect(storage.data.get("gocourse:backup:code:m/a")).toBe(raw);
  });

  it("backs the same content up once, and different content under a new key", () => {
    const storage = memoryStorage({ [CODE]: "{bad" });
    const store = new ProgressStore(storage, () => {});
    store.loadCode("m/a");
    store.loadCode("m/a");
    expect([...storage.data.keys()].filter((k) => k.startsWith("gocourse:backup:"))).toHaveLength(1);
    storage.data.set(CODE, "{worse");
    expect(said(store.loadCode("m/a").problem)).toMatch(/gocourse:backup:code:m\/a:\d+/);
    expect([...storage.data.keys()].filter((k) => k.startsWith("gocourse:backup:"))).toHaveLength(2);
  });

  it("refuses to overwrite unreadable code it could not back up", () => {
    const storage = fullFor(/backup/, { [CODE]: "{bad" });
    const loaded = new ProgressStore(storage, () => {}).loadCode("m/a");
    expect(loaded.writable).toBe(false);
    expect(said(loaded.problem)).toMatch(/could not be backed up.*will not be saved/);
  });

  it("reports full storage without throwing", () => {
    const warnings: string[] = [];
    const store = new ProgressStore(fullFor(/./), (m) => warnings.push(m));
    expect(store.saveCode("m/a", { "a.ts": "x" })).toBe(false);
    expect(warnings[0]).toMatch(/Could not save/);
  });

  it("works with no storage at all", () => {
    const store = new ProgressStore(undefined, () => {});
    expect(store.saveCode("m/a", {})).toBe(false);
    expect(store.loadCode("m/a").files).toBeUndefined();
    expect(store.isComplete("m/a")).toBe(false);
    expect(store.markComplete("m/a")).toEqual({ saved: false, reason: { key: "storageUnavailable" } });
  });

  it("survives a storage whose reads throw, and will not write over what it could not read", () => {
    const warnings: string[] = [];
    const storage: StorageLike = {
      getItem: () => {
        throw new Error("SecurityError");
      },
      setItem: () => {},
      removeItem: () => {},
    };
    const store = new ProgressStore(storage, (m) => warnings.push(m));
    const loaded = store.loadCode("m/a");
    expect(loaded).toMatchObject({ files: undefined, writable: false });
    expect(said(loaded.problem)).toMatch(/could not be read/);
    expect(warnings[0]).toMatch(/unreadable/);
    expect(store.markComplete("m/a").saved).toBe(false);
  });
});

describe("ProgressStore progress", () => {
  it("records completion and how", () => {
    const store = new ProgressStore(memoryStorage(), () => {});
    expect(store.isComplete("m/a")).toBe(false);
    expect(store.markComplete("m/a")).toEqual({ saved: true });
    expect(store.markComplete("m/b", "solution-viewed")).toEqual({ saved: true });
    // Marked again as solved (or viewed again): nothing written, nothing to announce.
    expect(store.markComplete("m/a")).toEqual({ saved: true, unchanged: true });
    expect(store.markComplete("m/b", "solution-viewed")).toEqual({ saved: true, unchanged: true });
    expect(store.completion("m/a")).toBe("solved");
    expect(store.completion("m/b")).toBe("solution-viewed");
    expect([...store.completedIds()]).toEqual(["m/a", "m/b"]);
  });

  it("upgrades solution-viewed to solved, never the other way", () => {
    const store = new ProgressStore(memoryStorage(), () => {});
    store.markComplete("m/a", "solution-viewed");
    store.markComplete("m/a", "solved");
    expect(store.completion("m/a")).toBe("solved");
    store.markComplete("m/a", "solution-viewed");
    expect(store.completion("m/a")).toBe("solved");
  });

  it("reads entries an older build wrote (no `how`) as solved", () => {
    const store = new ProgressStore(
      memoryStorage({ [PROGRESS]: JSON.stringify({ version: 1, completed: { "m/a": { at: 1 } } }) }),
      () => {},
    );
    expect(store.completion("m/a")).toBe("solved");
  });

  it("never overwrites progress written by a newer version, but shows what it can", () => {
    const newer = JSON.stringify({ version: 2, completed: { "m/x": { at: 1, grade: "A" } }, streak: 3 });
    const storage = memoryStorage({ [PROGRESS]: newer });
    const store = new ProgressStore(storage, () => {});
    expect(store.isComplete("m/x")).toBe(true);
    const outcome = store.markComplete("m/a");
    expect(outcome.saved).toBe(false);
    expect(outcome.saved === false && said(outcome.reason)).toMatch(/newer version/);
    expect(storage.data.get(PROGRESS)).toBe(newer);
  });

  it("backs up unreadable progress before starting afresh", () => {
    const storage = memoryStorage({ [PROGRESS]: "42" });
    const store = new ProgressStore(storage, () => {});
    expect(store.completedIds().size).toBe(0);
    expect(store.markComplete("m/a")).toEqual({ saved: true });
    expect(storage.data.get("gocourse:backup:progress")).toBe("42");
    expect(store.isComplete("m/a")).toBe(true);
  });

  it("says so when a completion cannot be saved", () => {
    const store = new ProgressStore(fullFor(/progress/), () => {});
    expect(store.markComplete("m/a")).toEqual({ saved: false, reason: { key: "storageFull" } });
  });

  it("treats a lesson id like __proto__ as a plain key", () => {
    const store = new ProgressStore(memoryStorage(), () => {});
    expect(store.isComplete("__proto__")).toBe(false);
    expect(store.isComplete("constructor")).toBe(false);
  });
});

describe("ProgressStore quizzes", () => {
  const answers = { "0:abcd1234": 1, "1:00ff00ff": 0 };

  it("saves a quiz beside completions without either erasing the other", () => {
    const storage = memoryStorage();
    const store = new ProgressStore(storage, () => {});
    expect(store.markComplete("m/a")).toEqual({ saved: true });
    expect(store.saveQuiz("m/a", { answers, correct: 1, total: 3 })).toEqual({ saved: true });
    expect(store.markComplete("m/b")).toEqual({ saved: true });
    expect(store.quiz("m/a")).toMatchObject({ answers, correct: 1, total: 3 });
    expect([...store.completedIds()].sort()).toEqual(["m/a", "m/b"]);
    expect(store.quizScores()).toEqual(new Map([["m/a", { correct: 1, total: 3 }]]));
  });

  it("reads records written before quizzes existed", () => {
    const storage = memoryStorage({ [PROGRESS]: JSON.stringify({ version: 1, completed: { "m/a": { at: 1 } } }) });
    const store = new ProgressStore(storage, () => {});
    expect(store.quiz("m/a")).toBeUndefined();
    expect(store.saveQuiz("m/a", { answers, correct: 2, total: 2 })).toEqual({ saved: true });
    expect(store.isComplete("m/a")).toBe(true);
  });

  it("ignores malformed quiz entries and answers", () => {
    const quizzes = {
      "m/a": { answers: { "0:x": 2, "1:y": -1, "2:z": "1", "3:w": 1.5 }, correct: 1, total: 4 },
      "m/b": { answers: [], correct: 1, total: 4 },
      "m/c": { answers: {}, correct: "1", total: 4 },
    };
    const storage = memoryStorage({ [PROGRESS]: JSON.stringify({ version: 1, completed: {}, quizzes }) });
    const store = new ProgressStore(storage, () => {});
    expect(store.quiz("m/a")?.answers).toEqual({ "0:x": 2 });
    expect(store.quiz("m/b")).toBeUndefined();
    expect(store.quiz("m/c")).toBeUndefined();
    expect([...store.quizScores().keys()]).toEqual(["m/a"]);
  });

  it("never overwrites a newer version's record", () => {
    const raw = JSON.stringify({ version: 2, completed: {}, quizzes: { "m/a": { answers, correct: 2, total: 2 } } });
    const storage = memoryStorage({ [PROGRESS]: raw });
    const store = new ProgressStore(storage, () => {});
    expect(store.quiz("m/a")?.correct).toBe(2);
    expect(store.saveQuiz("m/a", { answers: {}, correct: 0, total: 2 }).saved).toBe(false);
    expect(storage.data.get(PROGRESS)).toBe(raw);
  });
});
