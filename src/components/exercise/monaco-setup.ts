// Monaco, served from this site (no CDN): the slim build, its two workers,
// TypeScript options matching the sandbox compiler, and declarations for
// every module the sandbox provides.

import * as monaco from "./monaco-slim";
import EditorWorker from "monaco-editor/editor/editor.worker?worker";
import TsWorkerOf from "./ts-worker?worker";
import learnerLibs from "virtual:sandbox-types";
import { runsIdle } from "./run-activity";
import { pageLocale } from "../../i18n/page-locale";

// Vite's worker constructor takes the worker's name; astro/client's type for "?worker" omits it.
const TsWorker = TsWorkerOf as unknown as new (options: { name: string }) => Worker;

declare global {
  interface Window {
    MonacoEnvironment?: { getWorker(workerId: string, label: string): Worker | Promise<Worker> };
  }
}

let editorFocused!: () => void;
/** Settles when the learner first focuses an editor's text (see noteEditorFocused). */
const firstFocus = new Promise<void>((resolve) => (editorFocused = resolve));

/** Called by CodeEditor when the learner focuses an editor: the language worker may start. */
export function noteEditorFocused(): void {
  editorFocused();
}

window.MonacoEnvironment = {
  getWorker(_id, label) {
    // The TypeScript language worker (4.5 MB of JavaScript to parse, then the
    // learner declarations to check) starts when the learner first focuses the
    // editor, to type, and no Run is in progress: a reader who never edits never
    // downloads it, a Run never competes with its start, and its diagnostics
    // are ready within a second or two of typing. Monaco accepts a promise.
    if (label === "typescript" || label === "javascript")
      return (
        firstFocus
          .then(runsIdle)
          // Named by the page's language: a Chinese page's worker words its diagnostics in Chinese (ts-worker.ts).
          .then(() => new TsWorker({ name: pageLocale() }))
      );
    return new EditorWorker();
  },
};

const ts = monaco.typescript;
ts.typescriptDefaults.setCompilerOptions({
  target: ts.ScriptTarget.ESNext,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.NodeJs,
  strict: true,
  noEmit: true,
  allowNonTsExtensions: true,
  lib: ["esnext"],
});
ts.typescriptDefaults.setEagerModelSync(true);
for (const lib of learnerLibs) ts.typescriptDefaults.addExtraLib(lib.content, lib.path);

export { monaco };

// Unused code (e.g. an unused import) is drawn at full colour with a dashed
// underline: Monaco's default fades it to 67% opacity, under 4.5:1.
const UNNECESSARY = { "editorUnnecessaryCode.opacity": "#000000ff", "editorUnnecessaryCode.border": "#808080" };
monaco.editor.defineTheme("course-light", { base: "vs", inherit: true, rules: [], colors: UNNECESSARY });

// "vs-dark" with its TypeScript tokens at 4.5:1 or more on #1e1e1e: its
// comments (#608b4e) are 4.2:1 and regexps (#b46695) 4.19:1. These are the
// colours VS Code's own Dark+ theme uses for them.
monaco.editor.defineTheme("course-dark", {
  base: "vs-dark",
  inherit: true,
  rules: [
    { token: "comment", foreground: "6A9955" },
    { token: "regexp", foreground: "D16969" },
  ],
  colors: UNNECESSARY,
});

/** The editor theme that matches the system's colour scheme, kept in sync. */
export function followSystemTheme(): () => void {
  const query = window.matchMedia("(prefers-color-scheme: dark)");
  const apply = () => monaco.editor.setTheme(query.matches ? "course-dark" : "course-light");
  apply();
  query.addEventListener("change", apply);
  return () => query.removeEventListener("change", apply);
}
