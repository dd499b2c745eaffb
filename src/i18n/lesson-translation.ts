// Build and test time: checks that a lesson's Chinese translation
// (index.zh-cn.mdx beside index.mdx) covers everything a learner reads in the
// English one, and changes nothing a learner runs. What a translation holds:
//
//   title, summary, objectives   translated prose (objectives: same count)
//   hints                        same keys (English task names) as exercise.hints
//   quiz                         same questions and choices in the same order;
//                                code (comments aside), prints, crashes and
//                                correct exactly as in English
//   tests                        every English describe/test name -> translation
//   messages                     every expect() message template -> translation,
//                                keeping each ${expression}
//   values                       English a placeholder captures (a string
//                                literal of the tests: a helper's label, loop
//                                data) -> translation; grading finds the ones
//                                needed (scripts/lessons/message-coverage.ts)
//   body                         the text, with the same code blocks (comments
//                                may be translated) and the same <Quiz .../>
//
// Everything else (minutes, order, exercise files, timeouts) comes from English.
// Prose left in English is refused, except text that is only an HTTP status
// line ("404 Not Found") or a Go runtime message ("panic: ..."), kept verbatim.

import YAML from "yaml";
import { templateParts } from "./test-text";
import type { LessonStrings } from "./lesson-strings";

const CJK = /[\u3400-\u9fff]/;
/** Text with English words in it, which a translation must render in Chinese. */
const hasWords = (s: string) => /[A-Za-z]{2,}[\s,.'’-]+[A-Za-z]{2,}/.test(s.replace(/`[^`]*`/g, ""));

/** An HTTP status line's code and reason phrase: "404 Not Found", "418 I'm a teapot". */
const STATUS_LINE = /^[1-5]\d\d (?:I'm a teapot|[A-Z][A-Za-z'-]*(?: [A-Z][A-Za-z'-]*){0,4})$/;
/** One line of a Go runtime message as Go prints it: "fatal error: ...", "panic: ...". */
const GO_MESSAGE = /^(?:fatal error|panic): \S.*$/;

/**
 * Whether a translation may keep English source as it is: text that is only
 * an HTTP status line or a Go runtime message is what the client or Go
 * prints, so it reads the same in Chinese (issue 14: Go's own messages stay
 * as Go prints them).
 */
function keptVerbatim(source: string, value: string): boolean {
  const text = source.trim();
  return value.trim() === text && (STATUS_LINE.test(text) || GO_MESSAGE.test(text));
}

const ALLOWED = new Set(["title", "summary", "objectives", "hints", "quiz", "tests", "messages", "values"]);

export function splitMdx(text: string): { data: Record<string, unknown>; body: string } {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
  if (!m) return { data: {}, body: text };
  return { data: (YAML.parse(m[1]!) ?? {}) as Record<string, unknown>, body: m[2]! };
}

/** Code without comments, blank lines or trailing spaces: what must not change in a translation. */
export function codeShape(code: string): string {
  let out = "";
  for (let i = 0; i < code.length; i++) {
    const c = code[i]!;
    if (c === '"' || c === "'" || c === "`") {
      let j = i + 1;
      while (j < code.length && code[j] !== c && !(c !== "`" && code[j] === "\n"))
        j += code[j] === "\\" && c !== "`" ? 2 : 1;
      out += code.slice(i, j + 1);
      i = j;
    } else if (c === "/" && code[i + 1] === "/") {
      while (i < code.length && code[i] !== "\n") i++;
      out += "\n";
    } else if (c === "/" && code[i + 1] === "*") {
      const end = code.indexOf("*/", i + 2);
      i = end < 0 ? code.length : end + 1;
    } else out += c;
  }
  return out
    .split("\n")
    .map((l) => l.trimEnd())
    .filter((l) => l.trim() !== "")
    .join("\n");
}

/** The fenced code blocks of Markdown text: { lang, code }. */
export function codeBlocks(body: string): { lang: string; code: string }[] {
  return [...body.matchAll(/^([ \t]*)(`{3,}|~{3,})([^\n`]*)\n([\s\S]*?)^\1\2[ \t]*$/gm)].map((m) => ({
    lang: m[3]!.trim().split(/\s+/)[0] ?? "",
    code: m[4]!,
  }));
}

interface Args {
  /** Where the translation lives, for messages: content/<module>/<lesson>/index.zh-cn.mdx */
  file: string;
  english: string;
  translation: string;
  /** The English strings of the lesson's tests; undefined for a lesson without exercise. */
  strings?: LessonStrings;
}

type Q = {
  question?: unknown;
  code?: string;
  prints?: unknown;
  crashes?: unknown;
  choices?: { text?: unknown; correct?: unknown; why?: unknown }[];
};

/** Every problem of one lesson's translation, each a sentence that names the file and field. */
export function checkLessonTranslation({ file, english, translation, strings }: Args): string[] {
  const problems: string[] = [];
  const say = (field: string, what: string) => problems.push(`${file}: ${field}: ${what}`);
  let en: ReturnType<typeof splitMdx>;
  let zh: ReturnType<typeof splitMdx>;
  try {
    en = splitMdx(english);
    zh = splitMdx(translation);
  } catch (error) {
    return [`${file}: frontmatter is not valid YAML: ${(error as Error).message.split("\n")[0]}`];
  }
  const d = zh.data;
  for (const key of Object.keys(d))
    if (!ALLOWED.has(key))
      say(key, `not a translated field (allowed: ${[...ALLOWED].join(", ")}); it comes from the English lesson`);

  const prose = (field: string, value: unknown, source?: unknown) => {
    if (typeof value !== "string" || value.trim() === "") return say(field, "missing; translate the English");
    if (typeof source === "string" && hasWords(source) && !CJK.test(value) && !keptVerbatim(source, value))
      say(field, `still English: "${value.slice(0, 60)}"`);
  };
  prose("title", d.title, en.data.title);
  prose("summary", d.summary, en.data.summary);

  const enObjectives = (en.data.objectives ?? []) as string[];
  const objectives = d.objectives;
  if (!Array.isArray(objectives) || objectives.length !== enObjectives.length)
    say(
      "objectives",
      `${Array.isArray(objectives) ? objectives.length : 0} objective(s); English has ${enObjectives.length}`,
    );
  else objectives.forEach((o, i) => prose(`objectives[${i}]`, o, enObjectives[i]));

  const enHints = ((en.data.exercise as { hints?: Record<string, string> } | undefined)?.hints ?? {}) as Record<
    string,
    string
  >;
  const hints = (d.hints ?? {}) as Record<string, unknown>;
  for (const key of Object.keys(enHints)) {
    if (!(key in hints)) say("hints", `no translation of the hint for "${key}"`);
    else prose(`hints["${key}"]`, hints[key], enHints[key]);
  }
  for (const key of Object.keys(hints))
    if (!(key in enHints)) say("hints", `"${key}" is not a hint of the English lesson (stale?)`);

  checkQuiz((en.data.quiz ?? []) as Q[], (d.quiz ?? []) as Q[], say, prose);

  if (strings) {
    checkTable("tests", strings.names, (d.tests ?? {}) as Record<string, unknown>, say);
    checkTable("messages", strings.messages, (d.messages ?? {}) as Record<string, unknown>, say);
    checkValues(strings.literals ?? [], d.values, say);
  } else {
    if (d.tests) say("tests", "this lesson has no exercise");
    if (d.messages) say("messages", "this lesson has no exercise");
    if (d.values) say("values", "this lesson has no exercise");
  }

  const quizTag = /<Quiz\s+questions=\{frontmatter\.quiz\}\s*\/>/;
  if (quizTag.test(en.body) && !quizTag.test(zh.body))
    say("text", "does not show the quiz; keep <Quiz questions={frontmatter.quiz} /> where English has it");
  if (!CJK.test(zh.body)) say("text", "is not translated");
  const enBlocks = codeBlocks(en.body);
  const zhBlocks = codeBlocks(zh.body);
  if (enBlocks.length !== zhBlocks.length)
    say("text", `${zhBlocks.length} code block(s); English has ${enBlocks.length}`);
  else
    enBlocks.forEach((b, i) => {
      if (b.lang !== zhBlocks[i]!.lang)
        say(`text code block ${i + 1}`, `is \`${zhBlocks[i]!.lang}\`; English's is \`${b.lang}\``);
      else if (codeShape(b.code) !== codeShape(zhBlocks[i]!.code))
        say(
          `text code block ${i + 1} (${b.lang})`,
          "differs from English beyond its comments; translate only comments",
        );
    });
  return problems;
}

function checkQuiz(
  en: Q[],
  zh: Q[],
  say: (f: string, w: string) => void,
  prose: (f: string, v: unknown, s?: unknown) => void,
) {
  if (en.length !== zh.length) return say("quiz", `${zh.length} question(s); English has ${en.length}`);
  en.forEach((q, i) => {
    const t = zh[i]!;
    const at = `quiz[${i}]`;
    prose(`${at}.question`, t.question, q.question);
    if (
      (q.code === undefined) !== (t.code === undefined) ||
      (q.code && codeShape(q.code) !== codeShape(String(t.code)))
    )
      say(`${at}.code`, "must be English's program (only comments may be translated)");
    if (q.prints !== t.prints) say(`${at}.prints`, "must be exactly as in English");
    if (q.crashes !== t.crashes) say(`${at}.crashes`, "must be exactly as in English");
    const choices = q.choices ?? [];
    const tc = t.choices ?? [];
    if (choices.length !== tc.length)
      return say(`${at}.choices`, `${tc.length} choice(s); English has ${choices.length}`);
    choices.forEach((c, k) => {
      prose(`${at}.choices[${k}].text`, tc[k]!.text, c.text);
      prose(`${at}.choices[${k}].why`, tc[k]!.why, c.why);
      if (Boolean(c.correct) !== Boolean(tc[k]!.correct))
        say(`${at}.choices[${k}].correct`, "must be as in English (same order of choices)");
    });
  });
}

function checkTable(
  field: "tests" | "messages",
  keys: string[],
  table: Record<string, unknown>,
  say: (f: string, w: string) => void,
) {
  for (const key of keys) {
    const value = table[key];
    if (typeof value !== "string" || value.trim() === "") {
      say(field, `no translation of ${JSON.stringify(key)}`);
      continue;
    }
    if (hasWords(templateParts(key).literals.join(" ")) && !CJK.test(value) && !keptVerbatim(key, value))
      say(`${field}[${JSON.stringify(key)}]`, "still English");
    if (field === "messages") {
      const want = new Set(templateParts(key).holes);
      const unknown = templateParts(value).holes.filter((h) => !want.has(h));
      if (unknown.length)
        say(`${field}[${JSON.stringify(key)}]`, `uses ${unknown.join(", ")}, which the English template does not have`);
    }
  }
  const known = new Set(keys);
  for (const key of Object.keys(table))
    if (!known.has(key)) say(field, `${JSON.stringify(key)} is not in the English tests (stale?)`);
}

/**
 * `values` translates text the tests write as a string literal; a key that is
 * no longer one is stale. Which values a page needs is known only by running
 * the tests: check-lessons reports a missing one (scripts/lessons/message-coverage.ts).
 */
function checkValues(literals: string[], values: unknown, say: (f: string, w: string) => void) {
  if (values === undefined) return;
  if (typeof values !== "object" || values === null || Array.isArray(values))
    return say("values", "must map English text to its translation");
  const known = new Set(literals);
  for (const [key, value] of Object.entries(values)) {
    if (!known.has(key)) say("values", `${JSON.stringify(key)} is not a string in the English tests (stale?)`);
    if (typeof value !== "string" || !CJK.test(value))
      say(`values[${JSON.stringify(key)}]`, "missing or not Chinese; translate the English");
  }
}

/** Problems of a module's translation (module.zh-cn.json beside module.json). */
export function checkModuleTranslation(file: string, english: { summary: string }, translation: unknown): string[] {
  const t = translation as { title?: unknown; summary?: unknown };
  const problems: string[] = [];
  for (const key of Object.keys(t ?? {}))
    if (key !== "title" && key !== "summary") problems.push(`${file}: ${key}: only title and summary are translated`);
  if (typeof t?.title !== "string" || !CJK.test(t.title)) problems.push(`${file}: title: missing or not Chinese`);
  if (typeof t?.summary !== "string" || (hasWords(english.summary) && !CJK.test(t.summary)))
    problems.push(`${file}: summary: missing or not Chinese`);
  return problems;
}
