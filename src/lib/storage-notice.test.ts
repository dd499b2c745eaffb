import { describe, expect, it } from "vitest";
import { ProgressStore, type StorageLike } from "./progress-store";
import { storageText } from "./storage-notice";

function memoryStorage(initial: Record<string, string>, full?: RegExp): StorageLike {
  const data = new Map(Object.entries(initial));
  return {
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => {
      if (full?.test(k)) throw new DOMException("quota", "QuotaExceededError");
      data.set(k, v);
    },
    removeItem: (k) => void data.delete(k),
  };
}

const CODE = "gocourse:v1:code:m/a";
const CJK = /[\u4e00-\u9fff]/;

describe("storageText", () => {
  it("says a kept-aside file in each language, the backup key and file names as they are", () => {
    const raw = '{"version":1,"files":{"a.ts":"mine","b.ts":42}}';
    const loaded = new ProgressStore(memoryStorage({ [CODE]: raw }), () => {}).loadCode("m/a");
    expect(storageText(loaded.problem!)).toBe(
      'Some saved files could not be read (b.ts). It is kept in this browser under "gocourse:backup:code:m/a". The other files are restored.',
    );
    expect(storageText(loaded.problem!, "zh-cn")).toBe(
      "有些保存的文件无法读取（b.ts）。它已保留在这个浏览器的 “gocourse:backup:code:m/a” 下。其他文件已恢复。",
    );
  });

  const cases: [string, ProgressStore, (s: ProgressStore) => Parameters<typeof storageText>[0] | undefined][] = [
    [
      "newer saved code",
      new ProgressStore(memoryStorage({ [CODE]: '{"version":2}' }), () => {}),
      (s) => s.loadCode("m/a").problem,
    ],
    [
      "code that cannot be backed up",
      new ProgressStore(memoryStorage({ [CODE]: "{bad" }, /backup/), () => {}),
      (s) => s.loadCode("m/a").problem,
    ],
    [
      "a completion in full storage",
      new ProgressStore(memoryStorage({}, /progress/), () => {}),
      (s) => {
        const out = s.markComplete("m/a");
        return out.saved ? undefined : out.reason;
      },
    ],
    [
      "no storage at all",
      new ProgressStore(undefined, () => {}),
      (s) => {
        const out = s.saveQuiz("m/a", { answers: {}, correct: 0, total: 1 });
        return out.saved ? undefined : out.reason;
      },
    ],
    [
      "progress of a newer version",
      new ProgressStore(memoryStorage({ "gocourse:v1:progress": '{"version":2,"completed":{}}' }), () => {}),
      (s) => {
        const out = s.markComplete("m/a");
        return out.saved ? undefined : out.reason;
      },
    ],
  ];
  for (const [what, store, notice] of cases)
    it(`says ${what} in Chinese with no English words`, () => {
      const n = notice(store);
      expect(n, "the store reported something").toBeDefined();
      const zh = storageText(n!, "zh-cn");
      expect(zh).toMatch(CJK);
      expect(zh.replace(/“[^”]*”/g, ""), "English left in the Chinese").not.toMatch(/[A-Za-z]{2,}\s+[A-Za-z]{2,}/);
    });
});
