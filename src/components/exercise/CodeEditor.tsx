// One Monaco editor showing one model per exercise file (tabs switch models).
// Compile errors become editor markers, blocking Go-runtime calls without
// await become warnings as the learner types; Ctrl/Cmd+Enter runs.

import { useEffect, useRef } from "react";
import type { CompileDiagnostic } from "../../../sandbox/protocol";
import { findUnawaitedCalls } from "../../lib/await-lint";
import { followSystemTheme, monaco, noteEditorFocused } from "./monaco-setup";
import messages from "../../i18n/messages/exercise";
import { useLocale, useMessages } from "./language";
import { diagnosticText } from "./localize";

export interface EditorFile {
  name: string;
  contents: string;
  readonly: boolean;
}

interface Props {
  lessonId: string;
  files: EditorFile[];
  active: string;
  diagnostics: CompileDiagnostic[];
  onChange: (name: string, contents: string) => void;
  onRun: () => void;
}

/** lintAwaits marks blocking runtime calls that are not awaited (see await-lint.ts), worded by `describe`. */
function lintAwaits(model: monaco.editor.ITextModel, describe: (call: string) => string) {
  const markers = findUnawaitedCalls(model.getValue(), describe).map((w) => ({
    severity: monaco.MarkerSeverity.Warning,
    message: w.message,
    startLineNumber: w.line,
    startColumn: w.column,
    endLineNumber: w.line,
    endColumn: w.endColumn,
  }));
  monaco.editor.setModelMarkers(model, "await", markers);
}

function uriFor(lessonId: string, name: string) {
  // One folder per lesson so two exercises' files never share a model.
  return monaco.Uri.parse(`file:///${lessonId.replace(/[^\w/-]/g, "_")}/${name}`);
}

export function CodeEditor({ lessonId, files, active, diagnostics, onChange, onRun }: Props) {
  const t = useMessages(messages);
  const host = useRef<HTMLDivElement>(null);
  const editor = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const callbacks = useRef({ onChange, onRun, t });
  callbacks.current = { onChange, onRun, t };
  const describe = (call: string) => callbacks.current.t("notAwaited", { call });

  useEffect(() => {
    if (!host.current) return;
    const instance = monaco.editor.create(host.current, {
      automaticLayout: true,
      minimap: { enabled: false },
      fontSize: 14,
      scrollBeyondLastLine: false,
      // Monaco dims the number of the empty last line to 40% alpha (1.8:1 in
      // "vs"): a line the learner can type on gets a readable number.
      renderFinalNewline: "on",
      tabSize: 2,
      ariaLabel: callbacks.current.t("editorLabel"),
      fixedOverflowWidgets: true,
    });
    performance.mark("exercise:editor"); // React rendered and Monaco created its editor
    instance.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => callbacks.current.onRun());
    instance.onDidFocusEditorText(noteEditorFocused);
    editor.current = instance;
    const stopTheme = followSystemTheme();
    return () => {
      stopTheme();
      instance.dispose();
      editor.current = null;
    };
  }, []);

  // One model per file, created once per exercise. `known` is the text each
  // model holds, so learner edits (which come back as `files`) cost nothing below.
  const known = useRef<Record<string, string>>({});
  const latestFiles = useRef(files);
  latestFiles.current = files;
  const names = files.map((f) => f.name).join("\n");
  useEffect(() => {
    const subscriptions: monaco.IDisposable[] = [];
    for (const file of latestFiles.current) {
      const uri = uriFor(lessonId, file.name);
      const model = monaco.editor.getModel(uri) ?? monaco.editor.createModel(file.contents, "typescript", uri);
      known.current[file.name] = model.getValue();
      lintAwaits(model, describe);
      subscriptions.push(
        model.onDidChangeContent(() => {
          const text = model.getValue();
          known.current[file.name] = text;
          lintAwaits(model, describe);
          callbacks.current.onChange(file.name, text);
        }),
      );
    }
    return () => subscriptions.forEach((s) => s.dispose());
  }, [lessonId, names]);

  // Replacements from outside the editor (Reset, Show solution, restored code).
  useEffect(() => {
    for (const file of files) {
      if (known.current[file.name] === file.contents) continue;
      monaco.editor.getModel(uriFor(lessonId, file.name))?.setValue(file.contents);
    }
  }, [files, lessonId]);

  useEffect(() => {
    const instance = editor.current;
    const file = files.find((f) => f.name === active);
    if (!instance || !file) return;
    const model = monaco.editor.getModel(uriFor(lessonId, active));
    if (model && instance.getModel() !== model) instance.setModel(model);
    instance.updateOptions({
      readOnly: file.readonly,
      readOnlyMessage: { value: t("readOnlyFile", { file: file.name }) },
    });
  }, [active, files, lessonId, t]);

  const locale = useLocale();
  useEffect(() => {
    for (const file of files) {
      const model = monaco.editor.getModel(uriFor(lessonId, file.name));
      if (!model) continue;
      const markers = diagnostics
        .filter((d) => d.file === file.name && d.line > 0)
        .map((d) => ({
          severity: monaco.MarkerSeverity.Error,
          message: diagnosticText(d, locale),
          startLineNumber: d.line,
          startColumn: d.column,
          endLineNumber: d.line,
          endColumn: Math.max(d.column + 1, model.getLineMaxColumn(Math.min(d.line, model.getLineCount()))),
        }));
      monaco.editor.setModelMarkers(model, "compile", markers);
    }
  }, [diagnostics, files, lessonId, locale]);

  return <div className="ex-editor" ref={host} data-testid="editor" />;
}

/** Moves the cursor to a file position (used by clickable error locations). */
export function revealPosition(lessonId: string, name: string, line: number, column: number): void {
  const model = monaco.editor.getModel(uriFor(lessonId, name));
  const instance = monaco.editor.getEditors().find((e) => e.getModel() === model);
  if (!instance) return;
  instance.revealPositionInCenter({ lineNumber: line, column });
  instance.setPosition({ lineNumber: line, column });
  instance.focus();
}
