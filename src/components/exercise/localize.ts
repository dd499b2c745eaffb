// What the exercise shows in the learner's language, beyond the UI's own
// messages: the lesson's test names and failure messages (through the page's
// test-text translation), platform messages (by their code), and the few
// fixed sentences vitest and the compiler write. Everything else (Go's
// runtime text, the learner's own tests and output) is shown as it is.

import type { Locale } from "../../i18n/locales";
import { translator } from "../../i18n/messages/define";
import platformTable from "../../i18n/messages/platform";
import resultsTable from "../../i18n/messages/results";
import { messageTranslator, type TestTranslation } from "../../i18n/test-text";
import { assertionSuffix, assertionText } from "../../i18n/assertion-text";
import { compileText } from "../../i18n/compile-text";
import type { CompileDiagnostic, PlatformText, TestFailure } from "../../../sandbox/protocol";

/** The lesson's test text in the page's language. */
export interface TestText {
  /** One describe or test name. */
  name(name: string): string;
  /** A path of names joined with " > " (as a timeout names the test that hung). */
  path(path: string): string;
  /** A failure message written by a lesson test's expect(). */
  message(message: string): string;
}

const SEP = " > ";

/**
 * testText translates through `translation`; without one (English pages)
 * every text comes back unchanged. `exploreFrame` is synctest.explore's line
 * above a failure ({seed}, {run}, {runs}) in the page's language; `locale`
 * is the language of vitest's assertion sentence after a message.
 */
export function testText(
  translation: TestTranslation | undefined,
  exploreFrame?: string,
  locale: Locale = "en",
): TestText {
  if (!translation) return { name: (s) => s, path: (s) => s, message: (s) => s };
  const names = translation.names ?? {};
  // Own properties only: a test called "__proto__" or "constructor" is not translated by the prototype.
  const name = (s: string) => (Object.hasOwn(names, s) && typeof names[s] === "string" ? names[s] : s);
  const message = messageTranslator(translation.messages ?? {}, translation.values ?? {}, exploreFrame, (s) =>
    assertionSuffix(s, locale),
  );
  return {
    name,
    path: (s) => (Object.hasOwn(names, s) ? name(s) : s.split(SEP).map(name).join(SEP)),
    message,
  };
}

/** The platform's note after a value it cut short (sandbox/runner/thrown.ts), the count kept. */
const MORE = /… \((\d+) more characters\)$/;

/**
 * A platform message (sandbox/platform-text.ts) in `locale`; the parameters
 * (Go's or the learner's text) stay as they are, but for the platform's own
 * "… (N more characters)" after a value it cut short.
 */
export function platformMessage(text: PlatformText, locale: Locale): string {
  const t = translator(platformTable, locale);
  if (locale === "en" || !text.params) return t(text.code, text.params);
  const params = Object.fromEntries(
    Object.entries(text.params).map(([name, value]) => [
      name,
      typeof value === "string" ? value.replace(MORE, (_, n: string) => t("moreCharacters", { n })) : value,
    ]),
  );
  return t(text.code, params);
}

/** Sentences vitest and the compiler write, recognised by their shape; the values are kept. */
const KNOWN: { pattern: RegExp; key: keyof (typeof resultsTable)["en"]; names: string[] }[] = [
  {
    pattern:
      /^Test timed out in (\d+)ms\.\nIf this is a long-running test, pass a timeout value as the last argument or configure it globally with "testTimeout"\.$/,
    key: "testTimedOut",
    names: ["ms"],
  },
  {
    pattern:
      /^Hook timed out in (\d+)ms\.\nIf this is a long-running hook, pass a timeout value as the last argument or configure it globally with "hookTimeout"\.$/,
    key: "hookTimedOut",
    names: ["ms"],
  },
  { pattern: /^Cannot find file "(.*)" \(files: (.*)\)$/s, key: "cannotFindFile", names: ["path", "files"] },
  {
    pattern: /^Cannot import "(.*)": only these modules are available: (.*)$/s,
    key: "cannotImport",
    names: ["path", "modules"],
  },
];

/** knownText translates one of vitest's or the compiler's fixed sentences; any other text comes back unchanged. */
export function knownText(text: string, locale: Locale): string {
  if (locale === "en") return text;
  const t = translator(resultsTable, locale);
  for (const { pattern, key, names } of KNOWN) {
    const match = pattern.exec(text);
    if (match) return t(key, Object.fromEntries(names.map((n, i) => [n, match[i + 1] ?? ""])));
  }
  return text;
}

/**
 * A compile error's text in `locale`, in the results and as an editor
 * marker: a platform message by its code, the platform's own sentences
 * (knownText), else esbuild's sentence by its shape.
 */
export function diagnosticText(diagnostic: CompileDiagnostic, locale: Locale): string {
  if (diagnostic.platform) return platformMessage(diagnostic.platform, locale);
  const known = knownText(diagnostic.message, locale);
  return known !== diagnostic.message ? known : compileText(diagnostic.message, locale);
}

/** A diff's header ("- Expected", "+ Received") in `locale`; the lines below it are values, kept. */
export function diffText(diff: string, locale: Locale): string {
  if (locale === "en") return diff;
  const t = translator(resultsTable, locale);
  return diff.replace(/^- Expected\n\+ Received(?=\n|$)/, `- ${t("diffExpected")}\n+ ${t("diffReceived")}`);
}

/**
 * The text of a failure in `locale`: a platform message by its code, else
 * the message with a lesson test's expect() text translated (`lesson`: the
 * failure is a lesson test's, not one of the learner's own tests) and
 * vitest's assertion sentence translated (a learner's own message before it
 * stays as written).
 */
export function failureText(failure: TestFailure, locale: Locale, text: TestText, lesson: boolean): string {
  if (failure.platform) return platformMessage(failure.platform, locale);
  const known = knownText(failure.message, locale);
  if (known !== failure.message) return known;
  if (lesson) {
    const translated = text.message(failure.message);
    if (translated !== failure.message) return translated;
  }
  return assertionText(failure.message, locale);
}
