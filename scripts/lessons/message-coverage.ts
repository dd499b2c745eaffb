// The runtime half of the translation check (issue 14): every failure message
// the sandbox produced while grading a lesson's variants is translated with
// the lesson's Chinese tables exactly as the page does (messageMatcher with
// `messages` and `values`), and a message is reported, naming lesson, variant
// and test, when no template matched it, or when a placeholder carried English
// prose into the Chinese text (a helper's `what` label, loop data) that
// `values` does not translate; when vitest's assertion sentence after it
// (": expected 12 to be 3 // Object.is equality") has no Chinese shape in
// src/i18n/messages/assertions.ts; or when a message the lesson's tests throw
// (a fake's error held in a variable) reaches the learner in English. Static
// extraction (src/i18n/lesson-strings.ts) sees templates, never the values
// that fill them; grading shows both.
// check-lessons.mjs bundles this file with esbuild and calls messageCoverage().

import fs from "node:fs";
import path from "node:path";
import { splitMdx } from "../../src/i18n/lesson-translation";
import { messageMatcher } from "../../src/i18n/test-text";
import { assertionSentence, assertionSuffix } from "../../src/i18n/assertion-text";

/** One failure message a graded variant produced. */
export interface GradedFailure {
  variant: string;
  test: string;
  message: string;
  /** Set when the platform wrote it (sandbox/platform-text.ts): the page translates it by its code. */
  platform?: unknown;
}

export interface LessonFailures {
  /** "<module>/<lesson>" */
  id: string;
  /** The lesson folder (index.zh-cn.mdx lives there). */
  dir: string;
  failures: GradedFailure[];
}

// Messages that are not a test's expect() message, so no template is needed:
// the runner's own (translated by the page's UI table), Go's runtime reports
// (kept as Go prints them), and errors thrown by the learner's code or a
// test's fake (a panic value, a failure the code let escape): program output,
// like Go's error strings. An expect() failure always carries the assertion's
// ": expected ..."; a thrown error does not.
const RUNNER_MESSAGES = new Set([
  "This lesson test was skipped. Lesson tests must run and pass.",
  "This lesson test did not run.",
  "This lesson test did not pass.",
]);
/** Go's runtime headline: "fatal error: all goroutines are asleep - deadlock!", "panic: ...", "goroutine leak ...". */
const GO_RUNTIME = /^(?:fatal error: |panic: |goroutine \d+ |\d+ goroutines? |goroutine leak)/;
/** A JavaScript error class prefix that failure.ts keeps on non-plain errors: "TypeError: ...". */
const JS_ERROR = /^[A-Z][A-Za-z]*(?:Error|Exception): /;

/** HTTP methods, which read as words but are code. */
const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "CONNECT", "TRACE"]);
/** Short English words that make a value prose even next to code ("POST of 5 KB", "a javascript: URL"). */
const FUNCTION_WORDS = new Set(
  "a an the of with without and or but to for from by in on at into is are was be not no nor than then that this these those its it as if when while only".split(
    " ",
  ),
);
/** An HTTP status line's code and reason ("404 Not Found"), as the client prints it. */
const STATUS = /\b[1-5]\d\d(?: [A-Z][A-Za-z'-]*)+/g;
/** Text Go's libraries write, kept as Go prints it: http.NotFound's body. */
const GO_TEXT = /\b404 page not found\b/g;
/** An error as String() renders it ("Error: disk full", "TypeError: ..."): the program's output, like Go's %v of an error. */
const RENDERED_ERROR = /^(?:[A-Z][A-Za-z]*)?Error: /;

/**
 * The English prose in `text` outside code, or undefined: what is left once
 * backtick spans, quoted strings and HTTP status lines are removed, and each
 * remaining token that is code (a path, a number, an identifier with dots,
 * parentheses, underscores or inner capitals, JSON punctuation, an HTTP
 * method, an upper-case acronym) is dropped. Prose is two plain words in a
 * row, one of them lower case (Title Case is a status text or a name), or
 * one lower-case English function word. A rendered error ("Error: disk
 * full") and Go's own text ("404 page not found") are program output.
 */
export function englishProse(text: string): string | undefined {
  if (RENDERED_ERROR.test(text)) return undefined;
  const bare = text
    .replace(GO_TEXT, " ")
    .replace(/`[^`]*`/g, " ")
    .replace(/"(?:[^"\\]|\\.)*"/g, " ")
    .replace(/(^|[\s([{:,=])'(?:[^'\\\n]|\\.)*'(?=$|[\s)\]},:;.])/g, "$1 ")
    .replace(STATUS, " ");
  let run: string[] = [];
  for (const raw of bare.split(/\s+/)) {
    const token = raw.replace(/^[([{'’]+|[)\]}:;,.!?'’]+$/g, "");
    if (isWord(token)) {
      run.push(token);
      if (FUNCTION_WORDS.has(token) || (run.length >= 2 && run.some((w) => /^[a-z]/.test(w)))) return run.join(" ");
    } else run = [];
  }
  return undefined;
}

/** A plain word: letters (an inner hyphen or apostrophe allowed), not code. */
function isWord(token: string): boolean {
  if (!/^[A-Za-z]+(?:['’-][A-Za-z]+)*$/.test(token)) return false;
  if (METHODS.has(token) || /^[A-Z0-9]{2,}$/.test(token)) return false;
  // camelCase and PascalCase identifiers (runAll, ErrInvalidQuantity), header names (Content-Type).
  if (/[a-z][A-Z]/.test(token) || /^[A-Z][a-z]+(?:-[A-Z][a-z]+)+$/.test(token)) return false;
  return true;
}

/** synctest.explore's frame line before the failing seed's message (src/i18n/test-text.ts reads it too). */
const EXPLORE = /^explore: failed with seed \d+ \(run \d+ of \d+\); replay it with .*\n\n/;

/** Whether a message without a template is fine as it is (see RUNNER_MESSAGES). */
function untranslatedByDesign(message: string): boolean {
  const inner = message.replace(EXPLORE, "");
  const first = inner.split("\n")[0]!;
  return RUNNER_MESSAGES.has(inner) || GO_RUNTIME.test(first) || JS_ERROR.test(first) || !inner.includes(": expected ");
}

/** vitest's sentence with no message before it (an expect() without one), which the page translates by shape. */
const BARE_ASSERTION = /^(?:expected |promise (?:rejected|resolved) )/;

/** The source of every test file of a lesson, to tell a message the tests threw from the learner's. */
function testSources(dir: string): string {
  const tests = path.join(dir, "tests");
  if (!fs.existsSync(tests)) return "";
  return fs
    .readdirSync(tests)
    .filter((f) => f.endsWith(".ts"))
    .map((f) => fs.readFileSync(path.join(tests, f), "utf8"))
    .join("\n");
}

/**
 * Whether `text` is written as a whole string literal in `source`, other
 * than as a Go error value (`errors.new("nil map write")`), whose text stays
 * as Go prints it, like Go's own.
 */
function isLiteralIn(text: string, source: string): boolean {
  for (const quoted of [JSON.stringify(text), `'${text}'`, `\`${text}\``]) {
    for (let at = source.indexOf(quoted); at >= 0; at = source.indexOf(quoted, at + 1))
      if (!/(?:errors\.new|fmt\.errorf)\(\s*$/.test(source.slice(Math.max(0, at - 40), at))) return true;
  }
  return false;
}

const short = (s: string, n = 160) => (s.length > n ? `${s.slice(0, n)}…` : s);

/**
 * Problems of each lesson's failure messages on its Chinese page, one
 * sentence each (an indented line adds detail). A message counts once per
 * lesson however many variants produced it.
 */
export function messageCoverage(lessons: LessonFailures[], root: string): string[] {
  const problems: string[] = [];
  for (const { id, dir, failures } of lessons) {
    const file = path.join(dir, "index.zh-cn.mdx");
    if (!fs.existsSync(file)) continue; // the translation check names a missing translation
    const data = splitMdx(fs.readFileSync(file, "utf8")).data;
    const values = (data.values ?? {}) as Record<string, string>;
    const match = messageMatcher((data.messages ?? {}) as Record<string, string>, values);
    const at = path.relative(root, file);
    const sources = testSources(dir);
    const seen = new Set<string>();
    for (const { variant, test, message, platform } of failures) {
      if (platform !== undefined) continue; // translated by its code
      const said = (what: string) => {
        if (seen.has(what)) return;
        seen.add(what);
        problems.push(`${at}: ${what}`, `    (${variant}, "${short(test, 100)}")`);
      };
      const m = match(message);
      const inner = message.replace(EXPLORE, "");
      if (!m && BARE_ASSERTION.test(inner)) {
        if (assertionSentence(inner, "zh-cn") === undefined)
          said(
            `vitest's sentence ${JSON.stringify(short(inner))} has no Chinese shape in src/i18n/messages/assertions.ts`,
          );
        continue;
      }
      if (!m && !inner.includes(": expected ") && englishProse(inner) && isLiteralIn(inner, sources)) {
        said(
          `the lesson's tests throw ${JSON.stringify(short(inner))} and it reaches the learner in English; throw it as a literal (\`throw new Error("...")\`) and translate it under messages:`,
        );
        continue;
      }
      if (!m) {
        if (!untranslatedByDesign(message))
          said(
            `no message template matches ${JSON.stringify(short(message.replace(EXPLORE, "").split("\n")[0]!))}; is it an expect() message of ${id}?`,
          );
        continue;
      }
      if (m.suffix && assertionSuffix(m.suffix, "zh-cn") === m.suffix)
        said(
          `vitest's sentence ${JSON.stringify(short(m.suffix.slice(2)))} after ${JSON.stringify(short(m.template, 100))} has no Chinese shape in src/i18n/messages/assertions.ts`,
        );
      for (const { hole, value } of m.captures) {
        if (Object.hasOwn(values, value)) continue;
        const prose = englishProse(value);
        if (prose)
          said(
            `${hole} carries English (${JSON.stringify(prose)}) into the Chinese message ${JSON.stringify(short(m.template, 100))}: ${JSON.stringify(short(value))} needs a translation under values:, or the English belongs in the template`,
          );
      }
    }
  }
  return problems;
}
