// Type declarations learners' editors get: the platform's Go-style modules
// (emitted from sandbox/go with the TypeScript compiler, doc comments kept)
// and the test API. Paths mimic node_modules so Monaco's TypeScript worker
// resolves `import ... from "go/sync"` like a package.

import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

export interface ExtraLib {
  path: string;
  content: string;
}

const goRoot = fileURLToPath(new URL("../go", import.meta.url));
const vitestTypes = fileURLToPath(new URL("../runner/vitest-api.d.ts", import.meta.url));
const workerGlobals = fileURLToPath(new URL("../runner/worker-globals.d.ts", import.meta.url));

function goSources(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== "tests") out.push(...goSources(full));
    } else if (entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") && !entry.name.endsWith(".d.ts")) {
      out.push(full);
    }
  }
  return out;
}

export function learnerTypes(): ExtraLib[] {
  const libs: ExtraLib[] = [];
  const program = ts.createProgram(goSources(goRoot), {
    declaration: true,
    emitDeclarationOnly: true,
    removeComments: false,
    stripInternal: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    strict: true,
    skipLibCheck: true,
    rootDir: goRoot,
    outDir: "/out",
  });
  program.emit(undefined, (fileName, text) => {
    const rel = path.relative("/out", fileName).split(path.sep).join("/");
    libs.push({ path: `file:///node_modules/go/${rel}`, content: text });
  });
  libs.push({ path: "file:///node_modules/vitest/index.d.ts", content: fs.readFileSync(vitestTypes, "utf8") });
  libs.push({
    path: "file:///node_modules/@types/sandbox/globals.d.ts",
    content: fs.readFileSync(workerGlobals, "utf8"),
  });
  return libs;
}
