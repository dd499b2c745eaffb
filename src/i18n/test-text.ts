// In the page: shows a lesson's test names and failure messages in the
// learner's language. The sandbox always reports them in English, as the
// tests wrote them; a lesson's translation maps each name, and each expect()
// message template (src/i18n/lesson-strings.ts), to its translation. A
// template's ${expression} placeholders match any text, which the translation
// reuses wherever it names the same ${expression}.

import { escapeRegExp } from "./sentence-shapes";

export interface TestTranslation {
  /** English test or describe name -> translation. */
  names: Record<string, string>;
  /** English expect() message template -> translation with the same ${...} placeholders. */
  messages: Record<string, string>;
  /** English text a placeholder captures (a test helper's label, loop data) -> translation. */
  values?: Record<string, string>;
}

/** The ${...} placeholders of a template, in order (braces inside balanced). */
export function templateParts(template: string): { literals: string[]; holes: string[] } {
  const literals: string[] = [];
  const holes: string[] = [];
  let text = "";
  for (let i = 0; i < template.length; i++) {
    if (template[i] === "$" && template[i + 1] === "{") {
      let depth = 1;
      let j = i + 2;
      while (j < template.length && depth > 0) {
        if (template[j] === "{") depth++;
        else if (template[j] === "}") depth--;
        j++;
      }
      literals.push(text);
      holes.push(template.slice(i, j));
      text = "";
      i = j - 1;
    } else text += template[i];
  }
  literals.push(text);
  return { literals, holes };
}

interface Compiled {
  template: string;
  pattern: RegExp;
  holes: string[];
  translation: string;
}

/** How a failure message matched a lesson's message table. */
export interface MessageMatch {
  /** The English template that matched. */
  template: string;
  /** Each placeholder of the template with the text it captured, in order. */
  captures: { hole: string; value: string }[];
  /** The assertion's own text after the message (": expected ..."), or "", as vitest wrote it. */
  suffix: string;
  /** The message in the learner's language. */
  translated: string;
}

/**
 * The line synctest.explore puts before the failure of the seed that failed
 * (sandbox/go/testing/synctest.ts); the test's own message follows it.
 */
const EXPLORE =
  /^(explore: failed with seed (\d+) \(run (\d+) of (\d+)\); replay it with synctest\.run\(fn, \{ seed: \d+ \}\))\n\n/;

/**
 * Returns a function that matches a failure message against the message
 * table: the longest template whose pattern matches the message's start (up
 * to ": expected ..." added by the assertion, which stays as it is) wins. A
 * captured value that `values` maps (exactly) is replaced by its translation;
 * any other value is kept as it is. Undefined when no template matches.
 * A message that synctest.explore framed is matched below its frame line,
 * which is kept, or rewritten by `explore` ({seed}, {run} and {runs} filled).
 * `suffix` translates the assertion's text (src/i18n/assertion-text.ts);
 * without it the suffix is kept as vitest wrote it.
 */
export function messageMatcher(
  messages: Record<string, string>,
  values: Record<string, string> = {},
  explore?: string,
  suffix: (text: string) => string = (text) => text,
): (message: string) => MessageMatch | undefined {
  const compiled: Compiled[] = Object.entries(messages)
    .sort(([a], [b]) => b.length - a.length)
    .map(([template, translation]) => {
      const { literals, holes } = templateParts(template);
      const body = literals.map(escapeRegExp).join("([\\s\\S]*?)");
      return { template, pattern: new RegExp(`^${body}(: [\\s\\S]*)?$`), holes, translation };
    });
  const own = (value: string) => (Object.hasOwn(values, value) ? values[value]! : value);
  const matchOne = (message: string): MessageMatch | undefined => {
    for (const { template, pattern, holes, translation } of compiled) {
      const match = pattern.exec(message);
      if (!match) continue;
      const captures = holes.map((hole, k) => ({ hole, value: match[k + 1] ?? "" }));
      const filled = new Map(captures.map(({ hole, value }) => [hole, own(value)]));
      const { literals, holes: used } = templateParts(translation);
      const said = match[holes.length + 1] ?? "";
      const translated =
        literals.map((lit, k) => lit + (k < used.length ? (filled.get(used[k]!) ?? used[k]) : "")).join("") +
        suffix(said);
      return { template, captures, suffix: said, translated };
    }
    return undefined;
  };
  return (message) => {
    const frame = EXPLORE.exec(message);
    if (!frame) return matchOne(message);
    const inner = matchOne(message.slice(frame[0].length));
    if (!inner) return undefined;
    const [, line, seed, run, runs] = frame as unknown as [string, string, string, string, string];
    const head = explore
      ? explore.replace(/\{(seed|run|runs)\}/g, (_, k: string) => ({ seed, run, runs })[k as "seed"])
      : line;
    return { ...inner, translated: `${head}\n\n${inner.translated}` };
  };
}

/**
 * Returns a function that translates a failure message (see messageMatcher);
 * an unknown message comes back unchanged. `values` translates English text
 * a placeholder captured, by exact match; `explore` is synctest.explore's
 * frame line in the page's language; `suffix` translates the assertion's text.
 */
export function messageTranslator(
  messages: Record<string, string>,
  values: Record<string, string> = {},
  explore?: string,
  suffix?: (text: string) => string,
): (message: string) => string {
  const match = messageMatcher(messages, values, explore, suffix);
  return (message) => match(message)?.translated ?? message;
}
