import { describe, expect, it } from "vitest";
import { ProgressStore, type StorageLike } from "./progress-store";

function memoryStorage(initial: Record<string, string> = {}): StorageLike & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

describe("ProgressStore", () => {
  it("saves and restores code per lesson", () => {
    const store = new ProgressStore(memoryStorage(), () => {});
    expect(store.saveCode("m/a", { "a.ts": "x" })).toBe(true);
    expect(store.loadCode("m/a")).toEqual({ "a.ts": "x" });
    expect(store.loadCode("m/b")).toBeUndefined();
    store.clearCode("m/a");
    expect(store.loadCode("m/a")).toBeUndefined();
  });

  it("records completion", () => {
    const store = new ProgressStore(memoryStorage(), () => {});
    expect(store.isComplete("m/a")).toBe(false);
    store.markComplete("m/a");
    expect(store.isComplete("m/a")).toBe(true);
    expect([...store.completedIds()]).toEqual(["m/a"]);
  });

  it("ignores corrupt JSON and foreign formats with a warning", () => {
    const warnings: string[] = [];
    const storage = memoryStorage({
      "gocourse:v1:code:m/a": "{not json",
      "gocourse:v1:code:m/b": JSON.stringify({ version: 7, files: { x: 1 } }),
      "gocourse:v1:progress": JSON.stringify(["foreign"]),
    });
    const store = new ProgressStore(storage, (m) => warnings.push(m));
    expect(store.loadCode("m/a")).toBeUndefined();
    expect(store.loadCode("m/b")).toBeUndefined();
    expect(store.completedIds().size).toBe(0);
    expect(warnings).toHaveLength(3);
    expect(store.markComplete("m/a")).toBe(true);
    expect(store.isComplete("m/a")).toBe(true);
  });

  it("reports full storage without throwing", () => {
    const warnings: string[] = [];
    const storage: StorageLike = {
      getItem: () => null,
      setItem: () => {
        throw new DOMException("quota", "QuotaExceededError");
      },
      removeItem: () => {},
    };
    const store = new ProgressStore(storage, (m) => warnings.push(m));
    expect(store.saveCode("m/a", { "a.ts": "x" })).toBe(false);
    expect(store.markComplete("m/a")).toBe(false);
    expect(warnings[0]).toMatch(/Could not save/);
  });

  it("works with no storage at all", () => {
    const store = new ProgressStore(undefined, () => {});
    expect(store.saveCode("m/a", {})).toBe(false);
    expect(store.loadCode("m/a")).toBeUndefined();
    expect(store.isComplete("m/a")).toBe(false);
  });

  it("survives a storage whose reads throw", () => {
    const warnings: string[] = [];
    const storage: StorageLike = {
      getItem: () => {
        throw new Error("SecurityError");
      },
      setItem: () => {},
      removeItem: () => {},
    };
    const store = new ProgressStore(storage, (m) => warnings.push(m));
    expect(store.loadCode("m/a")).toBeUndefined();
    expect(warnings[0]).toMatch(/unreadable/);
  });
});
