// The "Test results" region: a summary line, then tests grouped by task with
// their outcome in words; the first failure is expanded with its message,
// diff and location. Compile errors, timeouts and crashes are shown apart.

import { useEffect, useRef } from "react";
import type { CompileDiagnostic, RunResult, TestFailure, TestOutcome } from "../../../sandbox/protocol";
import { MAX_DIFF_CHARS, MAX_MESSAGE_CHARS, capText } from "../../../sandbox/output-limits";
import type { Locale } from "../../i18n/locales";
import { translator } from "../../i18n/messages/define";
import messages from "../../i18n/messages/results";
import { AnsiText } from "./AnsiText";
import { useLocale, useMessages, useTestText } from "./language";
import { diagnosticText, diffText, failureText, platformMessage } from "./localize";

/** The hint for a task title: own properties only, so a task named "__proto__" finds none. */
export function hintFor(hints: Record<string, string>, title: string): string | undefined {
  if (!Object.hasOwn(hints, title)) return undefined;
  const hint = hints[title];
  return typeof hint === "string" ? hint : undefined;
}

interface Props {
  result: RunResult | undefined;
  running: boolean;
  hints: Record<string, string>;
  onLocate: (file: string, line: number, column: number) => void;
  /** Completed Runs so far; lets tests and assistive tech tell results apart. */
  runCount: number;
  /** The lesson after this one, offered once every task is done. */
  next?: { title: string; href: string } | undefined;
  /** The lesson ends with a quiz (#quiz-heading). */
  hasQuiz?: boolean;
}

function Location({ where, onLocate }: { where: string; onLocate: Props["onLocate"] }) {
  const match = /^(.+?):(\d+)(?::(\d+))?$/.exec(where);
  if (!match) return <code>{where}</code>;
  const [, file, line, column] = match;
  return (
    <button type="button" className="ex-link" onClick={() => onLocate(file!, Number(line), Number(column ?? 1))}>
      {where}
    </button>
  );
}

/** A task title without its English "Task 2:" (or translated "任务 2：") prefix: the list numbers tasks itself. */
export function taskName(title: string): string {
  return title.replace(/^(?:Task|任务)\s*\d+\s*[:：]\s*/, "");
}

function CompileErrors({ errors, onLocate }: { errors: CompileDiagnostic[]; onLocate: Props["onLocate"] }) {
  const t = useMessages(messages);
  const locale = useLocale();
  return (
    <div className="ex-compile-error">
      <p className="ex-summary ex-fail">{t("compileFailed")}</p>
      <ul>
        {errors.map((e, i) => (
          <li key={i}>
            {e.file ? <Location where={`${e.file}:${e.line}:${e.column}`} onLocate={onLocate} /> : null}{" "}
            {diagnosticText(e, locale)}
            {e.lineText ? <pre>{`${e.lineText}\n${" ".repeat(Math.max(0, e.column - 1))}^`}</pre> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A failure's message in the page's language (`lesson`: a lesson test's, whose expect() text the lesson translates). */
function FailureMessage({ failure, lesson }: { failure: TestFailure; lesson: boolean }) {
  const text = failureText(failure, useLocale(), useTestText(), lesson);
  return <pre className="ex-message">{capText(text, MAX_MESSAGE_CHARS)}</pre>;
}

function TestRow({
  test,
  open,
  onLocate,
  lesson,
}: {
  test: TestOutcome;
  open: boolean;
  onLocate: Props["onLocate"];
  /** A lesson test: its name and messages are translated; the learner's own tests are shown as written. */
  lesson: boolean;
}) {
  const t = useMessages(messages);
  const text = useTestText();
  const locale = useLocale();
  const word = t(test.state === "pass" ? "passed" : test.state === "fail" ? "failed" : "skipped");
  const icon = test.state === "pass" ? "✓" : test.state === "fail" ? "✗" : "–";
  const hasDetails = Boolean(test.failure) || test.logs.length > 0;
  const head = (
    <>
      <span className={`ex-state ex-${test.state}`} aria-hidden="true">
        {icon}
      </span>{" "}
      <span className="ex-test-name">{lesson ? text.path(test.name) : test.name}</span>{" "}
      <span className={`ex-word ex-${test.state}`}>{word}</span>
    </>
  );
  if (!hasDetails)
    return (
      <li className="ex-test" data-state={test.state}>
        {head}
      </li>
    );
  return (
    <li className="ex-test" data-state={test.state}>
      <details open={open}>
        <summary>{head}</summary>
        {test.failure && (
          <div className="ex-failure">
            <FailureMessage failure={test.failure} lesson={lesson} />
            {test.failure.location && (
              <p>
                {t("at")} <Location where={test.failure.location} onLocate={onLocate} />
              </p>
            )}
            {test.failure.diff && (
              // Focusable so keyboard users can scroll a wide diff.
              <pre className="ex-diff" aria-label={t("diffLabel")} role="region" tabIndex={0}>
                {capText(diffText(test.failure.diff, locale), MAX_DIFF_CHARS)}
              </pre>
            )}
          </div>
        )}
        {test.logs.length > 0 && (
          <div className="ex-logs">
            <p className="ex-logs-title">{t("consoleOutput")}</p>
            <pre>
              <AnsiText text={capText(test.logs.join("\n"), MAX_MESSAGE_CHARS * 2)} />
              {test.logsTruncated ? `\n${t("outputTruncated")}` : ""}
            </pre>
          </div>
        )}
      </details>
    </li>
  );
}

/**
 * Where to go once every task is done: the quiz below, then the next lesson.
 * The first link takes focus when a Run completes the lesson, so Enter goes
 * on. It takes it as it appears, not on every green Run: a learner who goes
 * back to the editor and runs again keeps typing where they were (and the
 * Run is not slowed by a focus change's forced layout).
 */
function OnwardLinks({ next, hasQuiz }: { next: Props["next"]; hasQuiz: boolean }) {
  const t = useMessages(messages);
  const first = useRef<HTMLAnchorElement>(null);
  useEffect(() => {
    first.current?.focus();
  }, []);
  return (
    <p className="ex-onward">
      <strong>{t("lessonComplete")}</strong>{" "}
      {hasQuiz && (
        <a href="#quiz-heading" ref={first}>
          {t("quizLink")}
        </a>
      )}
      {hasQuiz && next ? t("then") : " "}
      {next && (
        <a href={next.href} rel="next" ref={hasQuiz ? undefined : first}>
          {t(hasQuiz ? "thenGoOn" : "goOn", { title: next.title })}
        </a>
      )}
    </p>
  );
}

/** The one line a screen reader hears when a Run ends (the region itself is not live). */
export function announcement(result: RunResult | undefined, locale: Locale = "en"): string {
  if (!result) return "";
  const t = translator(messages, locale);
  switch (result.kind) {
    case "compile-error": {
      const n = result.errors.length;
      return t(n === 1 ? "announceCompileOne" : "announceCompileMany", { n });
    }
    case "timeout":
      return t("announceTimeout", { seconds: result.timeoutMs / 1000 });
    case "crash":
      return t(result.outOfMemory ? "announceOutOfMemory" : "announceCrash");
    case "cancelled":
      return t("cancelled");
    default:
      return (
        t("announceSummary", { passed: result.passed, failed: result.failed }) +
        (result.complete ? t("announceAllDone") : "")
      );
  }
}

export function Results({ result, running, hints, onLocate, runCount, next, hasQuiz = false }: Props) {
  const t = useMessages(messages);
  const locale = useLocale();
  const text = useTestText();
  let body: React.ReactNode;
  if (!result) {
    body = <p className="ex-muted">{t(running ? "running" : "pressRun")}</p>;
  } else if (result.kind === "compile-error") {
    body = <CompileErrors errors={result.errors} onLocate={onLocate} />;
  } else if (result.kind === "timeout") {
    const seconds = result.timeoutMs / 1000;
    body = (
      <p className="ex-summary ex-fail">
        {result.test ? t("timedOutIn", { seconds, test: text.path(result.test) }) : t("timedOut", { seconds })}
      </p>
    );
  } else if (result.kind === "crash") {
    // The out-of-memory message is whole; any other crash is framed as one. The test it names is the lesson's.
    const { code, params } = result.platform;
    const named = params && typeof params.test === "string" ? { ...params, test: text.path(params.test) } : params;
    const message = platformMessage(named ? { code, params: named } : { code }, locale);
    body = <p className="ex-summary ex-fail">{result.outOfMemory ? message : t("crashed", { message })}</p>;
  } else if (result.kind === "cancelled") {
    body = <p className="ex-muted">{t("cancelled")}</p>;
  } else {
    let firstFailureShown = false;
    body = (
      <>
        <p className={`ex-summary ${result.complete ? "ex-pass" : "ex-fail"}`} data-testid="summary">
          {t("summary", { passed: result.passed, failed: result.failed })}
          {!result.complete && result.failed === 0 ? t("noLessonTestRan") : ""}
        </p>
        {result.complete && <OnwardLinks next={next} hasQuiz={hasQuiz} />}
        {result.loadErrors.map((e, i) => (
          <div className="ex-failure" key={i}>
            <FailureMessage failure={e} lesson={false} />
            {e.location && (
              <p>
                {t("at")} <Location where={e.location} onLocate={onLocate} />
              </p>
            )}
          </div>
        ))}
        <ol className="ex-tasks">
          {result.tasks.map((task, i) => {
            const failed = !task.done;
            const hint = hintFor(hints, task.title);
            return (
              <li key={i} className="ex-task">
                <h4>
                  <span className="ex-task-number">{t("taskNumber", { n: i + 1 })}</span>{" "}
                  {taskName(text.name(task.title))}{" "}
                  <span className={`ex-word ${failed ? "ex-fail" : "ex-pass"}`}>
                    {t(failed ? "taskNotDone" : "taskDone")}
                  </span>
                </h4>
                {task.failure && <FailureMessage failure={task.failure} lesson={true} />}
                <ul>
                  {task.tests.map((test, j) => {
                    const open = test.state === "fail" && !firstFailureShown;
                    if (open) firstFailureShown = true;
                    return <TestRow key={j} test={test} open={open} onLocate={onLocate} lesson={true} />;
                  })}
                </ul>
                {task.hiddenTests ? <p className="ex-muted">{t("moreTests", { n: task.hiddenTests })}</p> : null}
                {failed && hint && (
                  <details className="ex-hint">
                    <summary>{t("hint")}</summary>
                    <p>{hint}</p>
                  </details>
                )}
              </li>
            );
          })}
        </ol>
        {result.learnerTests.length > 0 && (
          <section className="ex-learner-tests" aria-label={t("ownTestsLabel")}>
            <h4>{t("ownTestsHeading")}</h4>
            <ul>
              {result.learnerTests.map((test, j) => (
                <TestRow key={j} test={test} open={false} onLocate={onLocate} lesson={false} />
              ))}
            </ul>
          </section>
        )}
        {result.hiddenTasks ? <p className="ex-muted">{t("moreTasks", { n: result.hiddenTasks })}</p> : null}
      </>
    );
  }
  return (
    <section
      className="ex-results"
      role="region"
      aria-label={t("heading")}
      aria-busy={running}
      data-run-count={runCount}
    >
      <h3>{t("heading")}</h3>
      <p className="visually-hidden" role="status" data-testid="announcement">
        {running ? "" : announcement(result, locale)}
      </p>
      {body}
    </section>
  );
}
