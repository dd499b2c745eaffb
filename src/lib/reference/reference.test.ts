// The reference cannot drift: every learner export needs a Go entry, every
// table row must name an export, and lesson links come from lesson files.

import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { readDeclarations, type ExportDecl } from "./declarations";
import { forgottenAwaitExample } from "./forgotten-await";
import { buildReference, missingEntries, staleEntries } from "./model";
import { emptyUsage, lessonUsage, scanSource } from "./usage";

let decls: ExportDecl[];
beforeAll(() => {
  decls = readDeclarations();
}, 120_000);

describe("reference table", () => {
  it("has a Go entry for every exported learner API", () => {
    expect(decls.length).toBeGreaterThan(300);
    expect(missingEntries(decls), "add these to src/lib/reference/go-table-*.ts").toEqual([]);
  });

  it("names no export that does not exist", () => {
    expect(staleEntries(decls), "remove or rename these rows in src/lib/reference/go-table-*.ts").toEqual([]);
  });

  it("reports an export without an entry by name", () => {
    const extra: ExportDecl = { module: "go/sync", name: "NewThing", kind: "function", signature: "", doc: "" };
    expect(missingEntries([...decls, extra])).toEqual(["go/sync#NewThing"]);
    expect(() => buildReference([...decls, extra], [])).toThrow(/go\/sync#NewThing/);
  });

  it("reads signatures and doc comments from the declarations", () => {
    const wg = decls.find((d) => d.module === "go/sync" && d.name === "WaitGroup")!;
    expect(wg.kind).toBe("class");
    expect(wg.signature).toContain("wait(): Promise<void>");
    expect(wg.doc).toMatch(/WaitGroup waits/);
    const chan = decls.find((d) => d.module === "go" && d.name === "Chan")!;
    expect(chan.signature).toMatch(/^class Chan<T>/);
    const sleep = decls.find((d) => d.module === "go/time" && d.name === "sleep")!;
    expect(sleep.signature).toBe("function sleep(d: Duration): Promise<void>");
  });
});

describe("lesson usage", () => {
  it("counts named imports, namespace members and qualified types", () => {
    const u = emptyUsage();
    scanSource(
      `import { go, makeChan } from "go";
import * as time from "go/time";
import * as http from "go/net/http";
import { helper } from "./helper";
export async function f(w: http.ResponseWriter) {
  const ch = makeChan<number>();
  go(async () => { await ch.send(1); });
  for await (const v of ch) helper(v);
  await time.sleep(time.Second);
}`,
      u,
    );
    expect([...u.exports].sort()).toEqual([
      "go#go",
      "go#makeChan",
      "go/net/http#ResponseWriter",
      "go/time#Second",
      "go/time#sleep",
    ]);
    expect(u.members.has("send")).toBe(true);
    expect(u.forAwait).toBe(true);
  });

  it("links entries to the lessons whose files use them", () => {
    const id = "02-concurrency/01-goroutines-waitgroup";
    const groups = buildReference(decls, [[id, lessonUsage(path.join("content", id))]]);
    const entry = (gid: string, eid: string) => groups.find((g) => g.id === gid)!.entries.find((e) => e.id === eid)!;
    expect(entry("sync", "go-sync-WaitGroup").lessons).toEqual([id]);
    expect(entry("language", "lang-go-statement").lessons).toEqual([id]);
    expect(entry("net-http", "go-net-http-Request").lessons).toEqual([]);
  });
});

describe("forgotten await example", () => {
  it("quotes the runtime README's panic", () => {
    expect(forgottenAwaitExample()).toMatch(/was not awaited \(forgot await\?\)/);
  });
});
