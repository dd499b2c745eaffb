import { describe, expect, it } from "vitest";
import type { ExplorerRequest } from "../../../sandbox/protocol";
import { HISTORY_CAP, addToHistory, loadHistory, saveHistory, validateHistory } from "./history";
import type { HistoryEntry, StorageLike } from "./history";

function memoryStorage(): StorageLike & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
  };
}

const req = (path: string, method = "GET"): ExplorerRequest => ({ method, path, headers: [], body: "" });

describe("addToHistory", () => {
  it("puts the newest first, dedupes identical requests, caps at 10", () => {
    let h: HistoryEntry[] = [];
    for (let i = 0; i < 15; i++) h = addToHistory(h, req(`/p${i}`), i, 200);
    expect(h).toHaveLength(HISTORY_CAP);
    expect(h[0]!.req.path).toBe("/p14");
    expect(h[9]!.req.path).toBe("/p5");
    h = addToHistory(h, req("/p9"), 99, 404);
    expect(h).toHaveLength(10);
    expect(h[0]).toEqual({ req: req("/p9"), at: 99, status: 404 });
    expect(h.filter((e) => e.req.path === "/p9")).toHaveLength(1);
    // different method is a different request
    h = addToHistory(h, req("/p9", "POST"), 100);
    expect(h.filter((e) => e.req.path === "/p9")).toHaveLength(2);
    expect(h[0]!.status).toBeUndefined();
  });

  it("copies the request so later edits do not leak in", () => {
    const r: ExplorerRequest = { method: "POST", path: "/", headers: [["a", "b"]], body: "{}" };
    const h = addToHistory([], r, 1);
    r.headers[0]![1] = "changed";
    expect(h[0]!.req.headers[0]).toEqual(["a", "b"]);
  });
});

describe("validateHistory", () => {
  it("drops malformed entries and keeps good ones", () => {
    const good = { req: { method: "post", path: "/x", headers: [["A", "1"]], body: "{}" }, at: 5, status: 201 };
    const out = validateHistory([
      good,
      null,
      42,
      { req: { method: "GET", path: "/", headers: "nope", body: "" }, at: 1 },
      { req: { method: "GET", path: "/", headers: [["only-one"]], body: "" }, at: 1 },
      { req: { method: "G E T", path: "/", headers: [], body: "" }, at: 1 },
      { req: { method: "GET", path: 7, headers: [], body: "" }, at: 1 },
      { req: { method: "GET", path: "/ok", headers: [], body: "" }, at: "x", status: 1.5 },
    ]);
    expect(out).toEqual([
      { req: { method: "POST", path: "/x", headers: [["A", "1"]], body: "{}" }, at: 5, status: 201 },
      { req: { method: "GET", path: "/ok", headers: [], body: "" }, at: 0 },
    ]);
    expect(validateHistory({ not: "an array" })).toEqual([]);
    expect(validateHistory(Array.from({ length: 30 }, () => good))).toHaveLength(HISTORY_CAP);
  });
});

describe("loadHistory / saveHistory", () => {
  it("round-trips through storage", () => {
    const s = memoryStorage();
    const h = addToHistory([], { method: "POST", path: "/p", headers: [["X", "y"]], body: "{}" }, 3, 200);
    expect(saveHistory("k", h, s)).toBe(true);
    expect(loadHistory("k", s)).toEqual(h);
    expect(loadHistory("other", s)).toEqual([]);
  });

  it("survives corrupt JSON, throwing storage and missing storage", () => {
    const s = memoryStorage();
    s.data.set("k", "{not json");
    expect(loadHistory("k", s)).toEqual([]);
    const throwing: StorageLike = {
      getItem: () => {
        throw new Error("SecurityError");
      },
      setItem: () => {
        throw new Error("QuotaExceededError");
      },
    };
    expect(loadHistory("k", throwing)).toEqual([]);
    expect(saveHistory("k", addToHistory([], req("/"), 1), throwing)).toBe(false);
    expect(loadHistory("k", undefined)).toEqual([]);
    expect(saveHistory("k", [], undefined)).toBe(false);
  });

  it("retries with fewer entries when storage is nearly full", () => {
    const s = memoryStorage();
    const limited: StorageLike = {
      getItem: s.getItem,
      setItem: (k, v) => {
        if (v.length > 200) throw new Error("QuotaExceededError");
        s.setItem(k, v);
      },
    };
    let h: HistoryEntry[] = [];
    for (let i = 0; i < 10; i++) h = addToHistory(h, req(`/path-${i}`), i);
    expect(saveHistory("k", h, limited)).toBe(true);
    const stored = loadHistory("k", s);
    expect(stored.length).toBeGreaterThan(0);
    expect(stored.length).toBeLessThan(10);
    expect(stored[0]!.req.path).toBe("/path-9");
  });
});
