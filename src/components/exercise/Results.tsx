// The "Test results" region: a summary line, then tests grouped by task with
// their outcome in words; the first failure is expanded with its message,
// diff and location. Compile errors, timeouts and crashes are shown apart.

import { useEffect, useRef } from "react";
import type { CompileDiagnostic, RunResult, TestOutcome } from "../../../sandbox/protocol";
import { MAX_DIFF_CHARS, MAX_MESSAGE_CHARS, capText } from "../../../sandbox/output-limits";
import { AnsiText } from "./AnsiText";

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

function CompileErrors({ errors, onLocate }: { errors: CompileDiagnostic[]; onLocate: Props["onLocate"] }) {
  return (
    <div className="ex-compile-error">
      <p className="ex-summary ex-fail">Your code did not compile</p>
      <ul>
        {errors.map((e, i) => (
          <li key={i}>
            {e.file ? <Location where={`${e.file}:${e.line}:${e.column}`} onLocate={onLocate} /> : null} {e.message}
            {e.lineText ? <pre>{`${e.lineText}\n${" ".repeat(Math.max(0, e.column - 1))}^`}</pre> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}

function TestRow({ test, open, onLocate }: { test: TestOutcome; open: boolean; onLocate: Props["onLocate"] }) {
  const word = test.state === "pass" ? "passed" : test.state === "fail" ? "failed" : "skipped";
  const icon = test.state === "pass" ? "✓" : test.state === "fail" ? "✗" : "–";
  const hasDetails = Boolean(test.failure) || test.logs.length > 0;
  const head = (
    <>
      <span className={`ex-state ex-${test.state}`} aria-hidden="true">
        {icon}
      </span>{" "}
      <span className="ex-test-name">{test.name}</span> <span className={`ex-word ex-${test.state}`}>{word}</span>
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
            <pre className="ex-message">{capText(test.failure.message, MAX_MESSAGE_CHARS)}</pre>
            {test.failure.location && (
              <p>
                at <Location where={test.failure.location} onLocate={onLocate} />
              </p>
            )}
            {test.failure.diff && (
              // Focusable so keyboard users can scroll a wide diff.
              <pre className="ex-diff" aria-label="Expected and actual" role="region" tabIndex={0}>
                {capText(test.failure.diff, MAX_DIFF_CHARS)}
              </pre>
            )}
          </div>
        )}
        {test.logs.length > 0 && (
          <div className="ex-logs">
            <p className="ex-logs-title">Console output</p>
            <pre>
              <AnsiText text={capText(test.logs.join("\n"), MAX_MESSAGE_CHARS * 2)} />
              {test.logsTruncated ? "\n… output truncated" : ""}
            </pre>
          </div>
        )}
      </details>
    </li>
  );
}

/**
 * Where to go once every task is done: the quiz below, then the next lesson.
 * The first link takes focus when a Run completes the lesson, so Enter goes on.
 */
function OnwardLinks({ next, hasQuiz, runCount }: { next: Props["next"]; hasQuiz: boolean; runCount: number }) {
  const first = useRef<HTMLAnchorElement>(null);
  useEffect(() => {
    first.current?.focus();
  }, [runCount]);
  return (
    <p className="ex-onward">
      <strong>Lesson complete.</strong>{" "}
      {hasQuiz && (
        <a href="#quiz-heading" ref={first}>
          Check yourself with the quiz
        </a>
      )}
      {hasQuiz && next ? ", then " : " "}
      {next && (
        <a href={next.href} rel="next" ref={hasQuiz ? undefined : first}>
          {hasQuiz ? "go on" : "Go on"} to “{next.title}” →
        </a>
      )}
    </p>
  );
}

/** The one line a screen reader hears when a Run ends (the region itself is not live). */
export function announcement(result: RunResult | undefined): string {
  if (!result) return "";
  switch (result.kind) {
    case "compile-error":
      return `Your code did not compile: ${result.errors.length} ${result.errors.length === 1 ? "error" : "errors"}.`;
    case "timeout":
      return `Timed out after ${result.timeoutMs / 1000} s.`;
    case "crash":
      return result.outOfMemory ? "The run ran out of memory." : "The run failed before reporting results.";
    case "cancelled":
      return "Run cancelled.";
    default:
      return `${result.passed} passed, ${result.failed} failed.${result.complete ? " Every task is done." : ""}`;
  }
}

export function Results({ result, running, hints, onLocate, runCount, next, hasQuiz = false }: Props) {
  let body: React.ReactNode;
  if (!result) {
    body = <p className="ex-muted">{running ? "Running…" : "Press Run (Ctrl+Enter) to test your code."}</p>;
  } else if (result.kind === "compile-error") {
    body = <CompileErrors errors={result.errors} onLocate={onLocate} />;
  } else if (result.kind === "timeout") {
    body = (
      <p className="ex-summary ex-fail">
        Timed out after {result.timeoutMs / 1000} s{result.test ? ` while running "${result.test}"` : ""}: your code
        probably loops forever (or waits on something that never happens). It was stopped; fix it and Run again.
      </p>
    );
  } else if (result.kind === "crash" && result.outOfMemory) {
    body = <p className="ex-summary ex-fail">{result.message}</p>;
  } else if (result.kind === "crash") {
    body = <p className="ex-summary ex-fail">The run failed before reporting results: {result.message}</p>;
  } else if (result.kind === "cancelled") {
    body = <p className="ex-muted">Run cancelled.</p>;
  } else {
    let firstFailureShown = false;
    body = (
      <>
        <p className={`ex-summary ${result.complete ? "ex-pass" : "ex-fail"}`} data-testid="summary">
          {result.passed} passed, {result.failed} failed
          {!result.complete && result.failed === 0 ? " (no lesson test ran)" : ""}
        </p>
        {result.complete && <OnwardLinks next={next} hasQuiz={hasQuiz} runCount={runCount} />}
        {result.loadErrors.map((e, i) => (
          <div className="ex-failure" key={i}>
            <pre className="ex-message">{capText(e.message, MAX_MESSAGE_CHARS)}</pre>
            {e.location && (
              <p>
                at <Location where={e.location} onLocate={onLocate} />
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
                  <span className="ex-task-number">Task {i + 1}.</span> {task.title.replace(/^Task \d+:\s*/, "")}{" "}
                  <span className={`ex-word ${failed ? "ex-fail" : "ex-pass"}`}>
                    {failed ? "not done yet" : "done"}
                  </span>
                </h4>
                {task.failure && <pre className="ex-message">{capText(task.failure.message, MAX_MESSAGE_CHARS)}</pre>}
                <ul>
                  {task.tests.map((test, j) => {
                    const open = test.state === "fail" && !firstFailureShown;
                    if (open) firstFailureShown = true;
                    return <TestRow key={j} test={test} open={open} onLocate={onLocate} />;
                  })}
                </ul>
                {task.hiddenTests ? <p className="ex-muted">… and {task.hiddenTests} more tests not shown</p> : null}
                {failed && hint && (
                  <details className="ex-hint">
                    <summary>Hint</summary>
                    <p>{hint}</p>
                  </details>
                )}
              </li>
            );
          })}
        </ol>
        {result.learnerTests.length > 0 && (
          <section className="ex-learner-tests" aria-label="Your own tests">
            <h4>Your own tests (shown, not counted)</h4>
            <ul>
              {result.learnerTests.map((test, j) => (
                <TestRow key={j} test={test} open={false} onLocate={onLocate} />
              ))}
            </ul>
          </section>
        )}
        {result.hiddenTasks ? <p className="ex-muted">… and {result.hiddenTasks} more tasks not shown</p> : null}
      </>
    );
  }
  return (
    <section
      className="ex-results"
      role="region"
      aria-label="Test results"
      aria-busy={running}
      data-run-count={runCount}
    >
      <h3>Test results</h3>
      <p className="visually-hidden" role="status" data-testid="announcement">
        {running ? "" : announcement(result)}
      </p>
      {body}
    </section>
  );
}
