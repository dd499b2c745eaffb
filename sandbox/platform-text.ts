// What the platform itself tells the learner from inside the sandbox and the
// host (a lesson test that did not run, a crash, an explorer request that
// failed), as a code and the values it names. The page shows the code in the
// learner's language (src/i18n/messages/platform.ts translates every code);
// the English text travels beside it for anything that reads the result
// without a page (Node tests, logs). Text written by the learner's code, the
// tests or Go's runtime (panics, the deadlock dump) is never a code: it stays
// exactly as printed, as a parameter where platform text frames it.

import { format, placeholders } from "./message-format";

/** Every platform message in English, by code; `{name}` marks a parameter. */
export const PLATFORM_MESSAGES = {
  lessonTestSkipped: "This lesson test was skipped. Lesson tests must run and pass.",
  lessonTestNotRun: "This lesson test did not run.",
  lessonTestNotPassed: "This lesson test did not pass.",
  unhandledError: "Unhandled error: {message}",
  unhandledThrownValue: "Unhandled error: thrown {value}",
  unhandledThrownKind: "Unhandled error: thrown {kind}: {value}",
  harnessFailed: "The test harness failed: {error}",
  resultUnsendable: "The test harness could not send its result: {error}",
  bundleLoadFailed: "Loading the compiled code failed: {error}",
  resultWrongShape: "The sandbox sent a result of the wrong shape.",
  resultUnreadable: "The sandbox sent a result that could not be read: {error}",
  sandboxNotStarted: "The sandbox could not be started; reload the page.",
  sandboxNoPrelude: "The sandbox was not prepared (it has no prelude); reload the page.",
  sandboxWorkerFailed: "The sandbox worker failed: {error}",
  resultTooLarge: "The results were too large to show ({size} MB as JSON); print less, or fewer times.",
  explorerTooLarge: "The response was too large to show.",
  outOfMemory:
    "Your code ran out of memory: the sandbox crashed (an array, string or map that grows without end?). " +
    "It was restarted, so the next Run starts fresh.",
  outOfMemoryIn:
    'Your code ran out of memory while running "{test}": the sandbox crashed (an array, string or map that grows without end?). ' +
    "It was restarted, so the next Run starts fresh.",
  explorerNoHandler:
    "no handler: the exercise's handler export is missing or is not a Handler (an object with serveHTTP) or a function",
  explorerBadRequest: "bad request: {error}",
  explorerPanic:
    "{panic}\nThe handler panicked, so the server closed the connection without a response (Go's net/http does the same). " +
    "Recover in a middleware to answer 500 instead.",
  explorerError: "error: {error}",
  explorerLoadFailed: "Loading the handler failed: {error}",
  explorerNoResponse: "The handler returned no response.",
  explorerStopped: "The sandbox stopped; run your code again.",
  explorerNotRun: "Run your code first: the explorer talks to the handler from your last successful Run.",
  explorerTimeout:
    "The handler did not answer within {ms} ms and was stopped (does it loop forever?). Run again to restart it.",
  learnerOnly: "{name} may only be used in your own tests, not the lesson's",
  unreachable: "expected not to be reached",
  unreachableWith: 'expected "{message}" not to be reached',
  thrownValue: "thrown {value}",
  thrownKind: "thrown {kind}: {value}",
  unknownError: "unknown error",
  moreCharacters: "… ({n} more characters)",
  compilerFailed: "The compiler failed to start: {error}",
} as const;

/** The code of one platform message. */
export type PlatformCode = keyof typeof PLATFORM_MESSAGES;

/** A platform message as it crosses the protocol: its code and the values of its `{name}`s. */
export interface PlatformText {
  code: PlatformCode;
  params?: Record<string, string | number>;
}

/** isPlatformCode reports whether value names a platform message (own keys only: "__proto__" is not one). */
export function isPlatformCode(value: unknown): value is PlatformCode {
  return typeof value === "string" && Object.hasOwn(PLATFORM_MESSAGES, value);
}

/** The parameter names a code's message uses, sorted. */
export function platformParams(code: PlatformCode): string[] {
  return placeholders(PLATFORM_MESSAGES[code]);
}

/** An Error thrown by the platform carries its code here; toFailure (sandbox/runner/failure.ts) reports it. */
export interface PlatformError extends Error {
  platform: PlatformText;
}

/**
 * platformError returns an Error whose message is the platform message in
 * English and whose `platform` field is its code, for text the runner throws
 * into a test (a misused API), so the page can say it in the learner's language.
 */
export function platformError(code: PlatformCode, params?: Record<string, string | number>): PlatformError {
  const { message, platform } = platformText(code, params);
  return Object.assign(new Error(message), { platform });
}

/**
 * platformOf returns the code of an error's message when `platform` names
 * one whose English is exactly `message` (so a field that does not match
 * what the error says is ignored), else undefined.
 */
export function platformOf(platform: unknown, message: string): PlatformText | undefined {
  if (typeof platform !== "object" || platform === null) return undefined;
  const { code, params } = platform as { code?: unknown; params?: unknown };
  if (!isPlatformCode(code)) return undefined;
  const given = typeof params === "object" && params !== null ? (params as Record<string, unknown>) : {};
  const values: Record<string, string | number> = {};
  for (const name of platformParams(code)) {
    const v = given[name];
    if (typeof v !== "string" && typeof v !== "number") return undefined;
    values[name] = v;
  }
  const said = platformText(code, values);
  return said.message === message ? said.platform : undefined;
}

/**
 * platformText returns a platform message both ways: the English text and
 * the code the page translates. Only the parameters the message names are kept.
 */
export function platformText(
  code: PlatformCode,
  params: Record<string, string | number> = {},
): { message: string; platform: PlatformText } {
  const names = platformParams(code);
  const platform: PlatformText = { code };
  if (names.length > 0) platform.params = Object.fromEntries(names.map((n) => [n, params[n] ?? ""]));
  return { message: format(PLATFORM_MESSAGES[code], platform.params), platform };
}
