// The declarations the learner's editor gets must cover every platform module
// and type-check on their own with the editor's libs (esnext + the sandbox's
// worker globals, no DOM).

import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { PLATFORM_MODULES } from "../modules";
import { learnerTypes } from "./learner-types";

const libs = learnerTypes();

function diagnosticsFor(source: string): string[] {
  const files = new Map<string, string>();
  for (const lib of libs) files.set(lib.path.replace("file://", ""), lib.content);
  files.set("/exercise/main.ts", source);
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ESNext,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    strict: true,
    noEmit: true,
    lib: ["lib.esnext.d.ts"],
    types: [],
  };
  const host = ts.createCompilerHost(options);
  const defaultLibDir = path.dirname(ts.getDefaultLibFilePath(options));
  host.getCurrentDirectory = () => "/exercise";
  host.directoryExists = (d) => [...files.keys()].some((f) => f.startsWith(d + "/")) || ts.sys.directoryExists(d);
  host.fileExists = (f) => files.has(f) || (f.startsWith(defaultLibDir) && ts.sys.fileExists(f));
  host.readFile = (f) => files.get(f) ?? (f.startsWith(defaultLibDir) ? ts.sys.readFile(f) : undefined);
  host.getSourceFile = (f, languageVersion) => {
    const text = host.readFile(f);
    return text === undefined ? undefined : ts.createSourceFile(f, text, languageVersion);
  };
  const roots = [
    "/exercise/main.ts",
    ...[...files.keys()].filter((f) => f.endsWith("globals.d.ts") || f.includes("/vitest/")),
  ];
  const program = ts.createProgram(roots, options, host);
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
}

// Each case builds a TypeScript program with the esnext libs: seconds each on a loaded machine.
const slow = 30_000;

describe("learner types", () => {
  it(
    "declare every platform module",
    () => {
      const source = PLATFORM_MODULES.map((m, i) => `import * as m${i} from "${m}";\nvoid m${i};`).join("\n");
      expect(diagnosticsFor(source)).toEqual([]);
    },
    slow,
  );

  it(
    "type-check idiomatic exercise code without DOM libs",
    () => {
      const source = `
      import { describe, it, expect } from "vitest";
      import { go, makeChan, select } from "go";
      import { WaitGroup } from "go/sync";
      import * as time from "go/time";
      import { withTimeout, background } from "go/context";
      import * as synctest from "go/testing/synctest";
      import { newServeMux, writeJSON } from "go/net/http";
      import { newRecorder, newRequest } from "go/net/http/httptest";
      import * as json from "go/encoding/json";
      describe("d", () => {
        it("t", async () => {
          await synctest.run(async () => {
            const ch = makeChan<number>(1);
            const wg = new WaitGroup();
            wg.go(async () => { await ch.send(1); });
            const [ctx, cancel] = withTimeout(background(), time.Second);
            const v = await select(ch.recvCase((x) => x ?? 0), ctx.done().recvCase(() => -1));
            cancel();
            await wg.wait();
            go(async () => {}, "noop");
            console.log(v);
            setTimeout(() => {}, 0);
            queueMicrotask(() => {});
            expect(v).toBe(1);
          });
          const mux = newServeMux();
          mux.handleFunc("GET /x", (w) => writeJSON(w, 200, { ok: true }));
          const rec = newRecorder();
          await mux.serveHTTP(rec, newRequest("GET", "/x"));
          expect(rec.code).toBe(200);
          const User = json.struct("User", { name: json.string(), age: json.int().omitempty() });
          const [u, err] = json.newDecoder(rec.result().body).decode(User);
          if (err instanceof json.UnmarshalTypeError) console.log(err.field);
          const name: string = u.name;
          json.newEncoder(rec).encode(u, User);
          console.log(name);
        });
      });`;
      expect(diagnosticsFor(source)).toEqual([]);
    },
    slow,
  );

  it(
    "type-check the errors, atomic, Pool/Map and rate modules as lessons use them",
    () => {
      const source = `
      import * as errors from "go/errors";
      import { newError, is, as, errorf, join } from "go/errors";
      import * as atomic from "go/sync/atomic";
      import { Pool, Map as SyncMap } from "go/sync";
      import * as rate from "go/x/time/rate";
      import * as time from "go/time";
      import { background } from "go/context";
      class NotFound extends Error { constructor(readonly id: string) { super("not found: " + id); } }
      const ErrClosed = errors.new("closed");
      const err: Error = errorf("load %s: %w", "x", new NotFound("x"));
      const nf: NotFound | null = as(err, NotFound);
      const ok: boolean = is(err, ErrClosed) || is(join(err, newError("y")), ErrClosed);
      const hits = new atomic.Int64();
      const n: number = hits.add(1);
      const cfg = new atomic.Pointer<{ debug: boolean }>();
      const dbg: boolean | undefined = cfg.load()?.debug;
      const bufs = new Pool({ new: () => ({ data: [] as number[] }) });
      const buf: { data: number[] } = bufs.get();
      bufs.put(buf);
      const m = new SyncMap<string, number>();
      const [v, loaded]: [number | undefined, boolean] = m.load("k");
      const lim = rate.newLimiter(rate.every(100 * time.Millisecond), 3);
      async function f(): Promise<Error | null> { return lim.allow() ? null : lim.wait(background()); }
      void [nf, ok, n, dbg, v, loaded, f];`;
      expect(diagnosticsFor(source)).toEqual([]);
    },
    slow,
  );
});
