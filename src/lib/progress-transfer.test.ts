import { describe, expect, it } from "vitest";
import { ProgressStore, type ProgressSnapshot, type StorageLike } from "./progress-store";
import { EXPORT_FORMAT, exportFile, parseExport, planImport } from "./progress-transfer";

function memoryStorage(initial: Record<string, string> = {}): StorageLike & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
    get length() {
      return data.size;
    },
    key: (i) => [...data.keys()][i] ?? null,
  };
}

const snapshot: ProgressSnapshot = {
  completed: { "m/a": { at: 1 }, "m/b": { at: 2, how: "solution-viewed" } },
  quizzes: { "m/a": { answers: { q1: 0, q2: 2 }, correct: 1, total: 2, at: 3 } },
  code: {
    "m/a": { files: { "main.ts": "mine" }, savedAt: 4 },
    "m/b": { files: { "b.ts": "sol" }, savedAt: 5, fromSolution: true },
  },
};
const file = (patch: Record<string, unknown>) => JSON.stringify({ ...JSON.parse(exportFile(snapshot)), ...patch });

describe("parseExport", () => {
  it("reads back what exportFile wrote", () => {
    const text = exportFile(snapshot, new Date(0));
    expect(JSON.parse(text)).toMatchObject({
      format: EXPORT_FORMAT,
      version: 1,
      exportedAt: "1970-01-01T00:00:00.000Z",
    });
    expect(parseExport(text)).toEqual({ ok: true, snapshot, skipped: [] });
  });

  it("skips lessons the course does not have, and says which", () => {
    const result = parseExport(exportFile(snapshot), new Set(["m/a"]));
    expect(result.ok && result.skipped).toEqual(["m/b"]);
    expect(result.ok && Object.keys(result.snapshot.code)).toEqual(["m/a"]);
  });

  const bad: [string, string, RegExp][] = [
    ["not JSON", "{", /not JSON/],
    ["another format", JSON.stringify({ format: "other", version: 1 }), /not a progress export/],
    ["a newer version", file({ version: 2 }), /newer version of this site \(format 2\)/],
    ["a missing version", file({ version: undefined }), /"version" must be 1/],
    ["completed not an object", file({ completed: [] }), /: completed must be an object/],
    [
      "a bad how",
      file({ completed: { "m/a": { at: 1, how: "cheated" } } }),
      /completed\["m\/a"\]\.how must be "solved"/,
    ],
    ["a bad time", file({ completed: { "m/a": { at: "yesterday" } } }), /completed\["m\/a"\]\.at must be a time/],
    [
      "a bad answer",
      file({ quizzes: { "m/a": { answers: { q1: -1 }, correct: 0, total: 1, at: 1 } } }),
      /quizzes\["m\/a"\]\.answers\.q1 must be a whole number/,
    ],
    [
      "more correct than total",
      file({ quizzes: { "m/a": { answers: {}, correct: 3, total: 1, at: 1 } } }),
      /quizzes\["m\/a"\]\.correct is more than its total/,
    ],
    [
      "a file that is not text",
      file({ code: { "m/a": { files: { "main.ts": 1 }, savedAt: 1 } } }),
      /code\["m\/a"\]\.files\["main\.ts"\] must be text/,
    ],
    [
      "a bad fromSolution",
      file({ code: { "m/a": { files: {}, savedAt: 1, fromSolution: "yes" } } }),
      /code\["m\/a"\]\.fromSolution must be true or false/,
    ],
  ];
  for (const [name, text, message] of bad) {
    it(`rejects ${name}, naming what is wrong`, () => {
      const result = parseExport(text);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error).toMatch(message);
    });
  }

  it("says what is wrong in Chinese on a Chinese page, naming the same field", () => {
    const result = parseExport(file({ completed: { "m/a": { at: "yesterday" } } }), undefined, "zh-cn");
    expect(result).toEqual({
      ok: false,
      error: '文件无法导入：completed["m/a"].at 必须是时间（自 1970 年起的毫秒数）。',
    });
    expect(parseExport("{", undefined, "zh-cn")).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^文件不是 JSON（/),
    });
  });
});

describe("planImport", () => {
  const here: ProgressSnapshot = {
    completed: { "m/b": { at: 9 }, "m/c": { at: 9 } },
    quizzes: { "m/a": { answers: { q1: 1 }, correct: 0, total: 2, at: 10 } },
    code: { "m/a": { files: { "main.ts": "older" }, savedAt: 1 }, "m/c": { files: { "c.ts": "c" }, savedAt: 9 } },
  };

  it("merges, keeping solved over solution viewed and the newest code and quiz", () => {
    const { next, changes } = planImport(here, snapshot, "merge");
    expect(next.completed).toEqual({ "m/a": { at: 1 }, "m/b": { at: 9 }, "m/c": { at: 9 } });
    expect(next.quizzes["m/a"]!.at).toBe(10);
    expect(next.code["m/a"]!.files).toEqual({ "main.ts": "mine" });
    expect(Object.keys(next.code).sort()).toEqual(["m/a", "m/b", "m/c"]);
    expect(changes).toEqual([
      "Mark 1 lesson complete: m/a.",
      "Add saved code for 1 lesson: m/b.",
      "Replace your saved code (kept as a backup in this browser) for 1 lesson: m/a.",
    ]);
  });

  it("replaces, saying what is removed", () => {
    const { next, changes } = planImport(here, snapshot, "replace");
    expect(next).toEqual(snapshot);
    expect(changes).toContain("Mark 1 lesson not complete: m/c.");
    expect(changes).toContain("Change how 1 lesson were completed: m/b.");
    expect(changes).toContain("Remove your saved code (kept as a backup in this browser) for 1 lesson: m/c.");
  });

  it("says what changes in Chinese on a Chinese page", () => {
    expect(planImport(here, snapshot, "merge", "zh-cn").changes).toEqual([
      "将 1 课 标记为已完成：m/a。",
      "添加 1 课 保存的代码：m/b。",
      "替换 1 课 保存的代码（旧代码在本浏览器中留有备份）：m/a。",
    ]);
  });

  it("says nothing changes when the file holds nothing new", () => {
    expect(planImport(snapshot, snapshot, "merge").changes).toEqual([]);
  });
});

describe("ProgressStore snapshot, replaceAll and resetLesson", () => {
  it("exports from one browser and imports into another", () => {
    const a = new ProgressStore(memoryStorage(), () => {});
    a.saveCode("m/a", { "main.ts": "x" });
    a.markComplete("m/a");
    a.saveQuiz("m/a", { answers: { q: 1 }, correct: 1, total: 1 });
    const parsed = parseExport(exportFile(a.snapshot()));
    const b = new ProgressStore(memoryStorage(), () => {});
    expect(parsed.ok && b.replaceAll(parsed.snapshot)).toEqual({ saved: true });
    expect(b.loadCode("m/a").files).toEqual({ "main.ts": "x" });
    expect(b.completion("m/a")).toBe("solved");
    expect(b.quiz("m/a")?.answers).toEqual({ q: 1 });
  });

  it("backs up the code and progress it replaces or removes", () => {
    const storage = memoryStorage();
    const store = new ProgressStore(storage, () => {});
    store.saveCode("m/z", { "z.ts": "only here" });
    store.markComplete("m/z");
    expect(store.replaceAll({ completed: {}, quizzes: {}, code: {} })).toEqual({ saved: true });
    expect(store.savedCodeLessons()).toEqual([]);
    const backups = [...storage.data.keys()].filter((k) => k.startsWith("gocourse:backup:"));
    expect(backups.sort()).toEqual(["gocourse:backup:code:m/z", "gocourse:backup:progress"]);
    expect(storage.data.get("gocourse:backup:code:m/z")).toContain("only here");
  });

  it("never overwrites progress written by a newer version", () => {
    const storage = memoryStorage({ "gocourse:v1:progress": JSON.stringify({ version: 2, completed: {} }) });
    const store = new ProgressStore(storage, () => {});
    expect(store.replaceAll(snapshot).saved).toBe(false);
    expect(store.resetLesson("m/a").saved).toBe(true); // nothing of m/a in the record: only code is cleared
    expect(storage.data.get("gocourse:v1:progress")).toContain('"version":2');
    expect(storage.data.has("gocourse:v1:code:m/a")).toBe(false);
  });

  it("resets one lesson and leaves the others", () => {
    const store = new ProgressStore(memoryStorage(), () => {});
    for (const id of ["m/a", "m/b"]) {
      store.saveCode(id, { "main.ts": id });
      store.markComplete(id);
      store.saveQuiz(id, { answers: { q: 0 }, correct: 1, total: 1 });
    }
    expect(store.resetLesson("m/a")).toEqual({ saved: true });
    expect([store.loadCode("m/a").files, store.completion("m/a"), store.quiz("m/a")]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
    expect([store.loadCode("m/b").files, store.completion("m/b"), store.quiz("m/b")?.correct]).toEqual([
      { "main.ts": "m/b" },
      "solved",
      1,
    ]);
  });
});
