// The exercise island: file tabs over a Monaco editor, Run / Reset / Show
// solution, results, the goroutine timeline and (for HTTP lessons) the API
// explorer. Code autosaves per lesson; all-green marks the lesson complete
// ("solution viewed" when the code run is the revealed solution, unedited).

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { ExerciseData } from "../../lib/exercise-files";
import { PROGRESS_EVENT, browserStore, type Completion } from "../../lib/progress-store";
import { storageText } from "../../lib/storage-notice";
import type { CompileDiagnostic, ExplorerRequest, RunResult } from "../../../sandbox/protocol";
import { ApiExplorer } from "../explorer/ApiExplorer";
import { Timeline } from "../timeline/Timeline";
import { CodeEditor, revealPosition, type EditorFile } from "./CodeEditor";
import { ErrorBoundary } from "./ErrorBoundary";
import { Results } from "./Results";
import { CopyLinkButton, SharedCodeBanner } from "./ShareLink";
import { LESSON_RESET_EVENT } from "../../lib/lesson-reset";
import { ExerciseSession, type RunTimings } from "./session";
import messages from "../../i18n/messages/exercise";
import { LanguageProvider, localeOf, rich, useLocale, useMessages } from "./language";
import "./exercise.css";

const SAVE_DELAY_MS = 400;
/** A pause in typing this long compiles the code ahead, so a Run then finds it compiled. */
const COMPILE_AHEAD_MS = 120;
const NO_DIAGNOSTICS: CompileDiagnostic[] = [];

function starterFiles(data: ExerciseData): Record<string, string> {
  return Object.fromEntries(data.files.map((f) => [f.name, f.contents]));
}

function restore(data: ExerciseData, saved: Record<string, string> | undefined): Record<string, string> {
  const files = starterFiles(data);
  if (!saved) return files;
  for (const f of data.files) {
    if (!f.readonly && Object.hasOwn(saved, f.name) && typeof saved[f.name] === "string")
      files[f.name] = saved[f.name]!;
  }
  return files;
}

/** The exercise, in the page's language (data.locale; English when absent). */
export function Exercise({ data }: { data: ExerciseData }) {
  return (
    <LanguageProvider locale={localeOf(data)} testText={data.testText}>
      <ExerciseBody data={data} />
    </LanguageProvider>
  );
}

function ExerciseBody({ data }: { data: ExerciseData }) {
  const t = useMessages(messages);
  const locale = useLocale();
  const store = useMemo(() => browserStore(), []);
  const loaded = useMemo(() => store.loadCode(data.lessonId), [store, data.lessonId]);
  const [code, setCode] = useState(() => restore(data, loaded.files));
  /** Something about storage the learner must know (unreadable code kept aside, completion not saved). */
  const [notice, setNotice] = useState<string | undefined>(() =>
    loaded.problem ? storageText(loaded.problem, locale) : undefined,
  );
  /** The editor holds the revealed solution with no edit since. */
  const fromSolution = useRef(loaded.fromSolution);
  const [active, setActive] = useState(data.files[0]!.name);
  const [result, setResult] = useState<RunResult | undefined>();
  const [running, setRunning] = useState(false);
  // The first compile of an edit may wait for esbuild-wasm to start: seconds on a slow device.
  const [compilerStarting, setCompilerStarting] = useState(false);
  const [runCount, setRunCount] = useState(0);
  const [timings, setTimings] = useState<RunTimings | undefined>();
  const [saveState, setSaveState] = useState<"saved" | "unsaved" | "failed">(loaded.writable ? "saved" : "failed");
  const [complete, setComplete] = useState<Completion | undefined>(() => store.completion(data.lessonId));
  const [explorerReady, setExplorerReady] = useState(false);
  const sessionHost = useRef<HTMLDivElement>(null);
  const session = useRef<ExerciseSession | null>(null);
  const saveTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const aheadTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const codeRef = useRef(code);
  codeRef.current = code;

  useEffect(() => {
    session.current = new ExerciseSession(sessionHost.current!, t("sandboxTitle"));
    const stopListening = session.current.onCompilerStarting(setCompilerStarting);
    session.current.prepare(data, codeRef.current);
    return () => {
      clearTimeout(aheadTimer.current);
      stopListening();
      session.current?.dispose();
    };
    // The frame's title is set once: a page never changes language under the exercise.
  }, []);

  const save = useCallback(() => {
    clearTimeout(saveTimer.current);
    saveTimer.current = undefined;
    // Saved code that could not be backed up is never overwritten.
    if (!loaded.writable) return setSaveState("failed");
    setSaveState(store.saveCode(data.lessonId, codeRef.current, fromSolution.current) ? "saved" : "failed");
  }, [data.lessonId, store, loaded.writable]);

  // Flush a pending save when the page is hidden or closed.
  useEffect(() => {
    const flush = () => {
      if (saveTimer.current !== undefined) save();
    };
    window.addEventListener("pagehide", flush);
    document.addEventListener("visibilitychange", flush);
    return () => {
      window.removeEventListener("pagehide", flush);
      document.removeEventListener("visibilitychange", flush);
      // Unmounting (an error boundary resetting the exercise) must not drop the last edit.
      flush();
    };
  }, [save]);

  // "Reset this lesson" deletes the saved code: a pending save must not write it back.
  useEffect(() => {
    const drop = () => {
      clearTimeout(saveTimer.current);
      saveTimer.current = undefined;
    };
    window.addEventListener(LESSON_RESET_EVENT, drop);
    return () => window.removeEventListener(LESSON_RESET_EVENT, drop);
  }, []);

  const onChange = useCallback(
    (name: string, contents: string) => {
      if (codeRef.current[name] === contents) return;
      const next = { ...codeRef.current, [name]: contents };
      codeRef.current = next;
      fromSolution.current = false;
      setCode(next);
      setSaveState("unsaved");
      clearTimeout(saveTimer.current);
      saveTimer.current = setTimeout(() => {
        saveTimer.current = undefined;
        save();
      }, SAVE_DELAY_MS);
      clearTimeout(aheadTimer.current);
      aheadTimer.current = setTimeout(() => session.current?.prepare(data, codeRef.current), COMPILE_AHEAD_MS);
    },
    [save, data],
  );

  const run = useCallback(async () => {
    if (!session.current) return;
    clearTimeout(aheadTimer.current);
    setRunning(true);
    setExplorerReady(false);
    const how: Completion = fromSolution.current ? "solution-viewed" : "solved";
    const outcome = await session.current.run(data, codeRef.current);
    if (outcome.kind === "cancelled") return; // a newer Run owns the UI now
    setResult(outcome);
    setTimings(session.current?.lastTimings);
    setRunning(false);
    setRunCount((n) => n + 1);
    setExplorerReady(outcome.kind === "tests" && outcome.explorer);
    // The runner's verdict: every lesson test ran and passed, nothing failed outside a test.
    if (outcome.kind === "tests" && outcome.complete) {
      const saved = store.markComplete(data.lessonId, how);
      setComplete((current) => (current === "solved" ? current : how));
      // Every mark on the page is redrawn on this event: a green Run of a solved lesson sends none.
      if (!saved.saved) setNotice(t("completionNotSaved", { reason: storageText(saved.reason, locale) }));
      else if (!saved.unchanged) window.dispatchEvent(new Event(PROGRESS_EVENT));
    }
  }, [data, store, t, locale]);

  const replaceAll = (files: Record<string, string>, solution: boolean) => {
    codeRef.current = files;
    fromSolution.current = solution;
    setCode(files);
    save();
    setResult(undefined);
    session.current?.prepare(data, files);
  };

  const reset = () => {
    if (window.confirm(t("resetConfirm"))) {
      replaceAll(starterFiles(data), false);
    }
  };

  const showSolution = () => {
    if (window.confirm(t("solutionConfirm"))) {
      replaceAll({ ...starterFiles(data), ...data.solution }, true);
    }
  };

  const editorFiles: EditorFile[] = useMemo(
    () => [
      ...data.files.map((f) => ({ name: f.name, contents: code[f.name] ?? f.contents, readonly: f.readonly })),
      ...data.tests.map((t) => ({ name: t.name, contents: t.contents, readonly: true })),
    ],
    [code, data],
  );

  // The same empty array every render: a new one would make the editor redraw its markers on every Run.
  const diagnostics: CompileDiagnostic[] = result?.kind === "compile-error" ? result.errors : NO_DIAGNOSTICS;
  const traces = result?.kind === "tests" ? result.traces : [];
  const locate = (file: string, line: number, column: number) => {
    if (!editorFiles.some((f) => f.name === file)) return;
    setActive(file);
    requestAnimationFrame(() => revealPosition(data.lessonId, file, line, column));
  };
  const explore = useCallback(async (request: ExplorerRequest) => {
    const response = await session.current!.explore(request);
    // A handler that hung was stopped with its worker: the learner must Run again.
    if (!session.current?.explorerReady) setExplorerReady(false);
    return response;
  }, []);

  return (
    <div
      className="ex-root"
      onKeyDown={(e) => {
        // Ctrl/Cmd+Enter runs from anywhere in the exercise, not only the editor.
        if (
          e.key === "Enter" &&
          (e.ctrlKey || e.metaKey) &&
          !e.defaultPrevented &&
          !(e.target as HTMLElement).closest(".ex-explorer, .monaco-editor")
        ) {
          e.preventDefault();
          void run();
        }
      }}
      data-run-started={timings?.startedAt.toFixed(1)}
      data-run-compiled={timings?.compiledAt.toFixed(1)}
      data-run-result={timings?.resultAt.toFixed(1)}
      data-esbuild-ms={timings?.esbuildMs.toFixed(1)}
      data-runner-ms={timings?.runnerMs.toFixed(1)}
      data-run-staged={timings?.staged}
    >
      <div className="ex-toolbar">
        <div className="ex-tabs" role="tablist" aria-label={t("filesLabel")}>
          {editorFiles.map((f) => (
            <button
              key={f.name}
              type="button"
              role="tab"
              id={`tab-${f.name}`}
              aria-controls="ex-editor-panel"
              aria-selected={f.name === active}
              className="ex-tab"
              onClick={() => setActive(f.name)}
            >
              {f.name}
              {f.readonly ? <span className="ex-ro">{t("readOnly")}</span> : null}
            </button>
          ))}
        </div>
        <div className="ex-actions">
          {/* Only a failure to save is announced: "Saved" after every pause in typing is noise. */}
          <span className="ex-save">
            {saveState === "unsaved" ? t("saving") : saveState === "failed" ? "" : t("saved")}
          </span>
          <span className="ex-save" role="alert">
            {saveState !== "failed" ? "" : t(loaded.writable ? "notSavedStorage" : "notSavedSeeNote")}
          </span>
          {running && <span className="ex-status">{t(compilerStarting ? "startingCompiler" : "running")}</span>}
          {complete === "solved" && <span className="ex-complete">{t("solved")}</span>}
          {complete === "solution-viewed" && (
            <span className="ex-solution-viewed" title={t("solutionViewedTitle")}>
              {t("solutionViewed")}
            </span>
          )}
          <CopyLinkButton data={data} code={code} />
          <button type="button" onClick={reset}>
            {t("reset")}
          </button>
          <button type="button" onClick={showSolution}>
            {t("showSolution")}
          </button>
          <button
            type="button"
            className="ex-run"
            onClick={() => void run()}
            aria-keyshortcuts="Control+Enter Meta+Enter"
            title={t("runTitle")}
            aria-busy={running}
          >
            {t("run")}
          </button>
        </div>
      </div>
      <SharedCodeBanner data={data} code={code} onLoad={(files) => replaceAll(restore(data, files), false)} />
      {notice && (
        <p className="ex-notice" role="alert">
          {notice}
          <button type="button" onClick={() => setNotice(undefined)}>
            {t("dismiss")}
          </button>
        </p>
      )}
      <p className="ex-keys" id="ex-keys">
        {rich(t("keys"), {
          ctrlEnter: (
            <>
              <kbd>Ctrl</kbd>+<kbd>Enter</kbd>
            </>
          ),
          cmdEnter: (
            <>
              <kbd>⌘</kbd>+<kbd>Enter</kbd>
            </>
          ),
          ctrlM: (
            <>
              <kbd>Ctrl</kbd>+<kbd>M</kbd>
            </>
          ),
          tab: <kbd>Tab</kbd>,
        })}
      </p>
      <div role="tabpanel" id="ex-editor-panel" aria-labelledby={`tab-${active}`}>
        <CodeEditor
          lessonId={data.lessonId}
          files={editorFiles}
          active={active}
          diagnostics={diagnostics}
          onChange={onChange}
          onRun={() => void run()}
        />
      </div>
      <ErrorBoundary what={t("whatResults")} reset={{ label: t("resetView"), run: () => setResult(undefined) }}>
        <Results
          result={result}
          running={running}
          hints={data.hints}
          onLocate={locate}
          runCount={runCount}
          next={data.next}
          hasQuiz={data.hasQuiz ?? false}
        />
      </ErrorBoundary>
      <ErrorBoundary what={t("whatTimeline")}>
        {traces.length > 0 && (
          <section className="ex-timeline" aria-label={t("timelineHeading")}>
            <h3>{t("timelineHeading")}</h3>
            <Timeline traces={traces} />
          </section>
        )}
      </ErrorBoundary>
      <ErrorBoundary what={t("whatExplorer")}>
        {data.handler && (
          <section className="ex-explorer" aria-label={t("explorerHeading")}>
            <h3>{t("explorerHeading")}</h3>
            <ApiExplorer
              send={explore}
              ready={explorerReady}
              storageKey={`gocourse:v1:explorer:${data.lessonId}`}
              notReadyReason={t(running ? "running" : "explorerNotReady")}
            />
          </section>
        )}
      </ErrorBoundary>
      <div ref={sessionHost} hidden />
    </div>
  );
}
