// Shape checks for what crosses from the sandbox to the page. The host runs
// these on every result: a message that is not exactly a RunResult (wrong
// kind, missing field, wrong type) is not shown as one.

import type { RunResult } from "./protocol";
import { isPlatformCode, platformParams } from "./platform-text";

type Check = (value: unknown) => boolean;

const isString: Check = (v) => typeof v === "string";
const isNumber: Check = (v) => typeof v === "number" && Number.isFinite(v);
const isBoolean: Check = (v) => typeof v === "boolean";

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function arrayOf(check: Check): Check {
  return (v) => Array.isArray(v) && v.every(check);
}

function optional(check: Check): Check {
  return (v) => v === undefined || check(v);
}

function shape(fields: Record<string, Check>): Check {
  return (v) => isRecord(v) && Object.entries(fields).every(([key, check]) => check(v[key]));
}

/**
 * A platform message: a known code and exactly the parameters its message
 * names, each a string or a number. Anything else (an unknown code, a
 * prototype key, a missing or extra parameter, an object value) is malformed.
 */
export const isPlatformText: Check = (v) => {
  if (!isRecord(v) || !isPlatformCode(v.code)) return false;
  const names = platformParams(v.code);
  if (v.params === undefined) return names.length === 0;
  const params = v.params;
  if (!isRecord(params)) return false;
  const given = Object.keys(params).sort();
  return given.join() === names.join() && given.every((k) => isString(params[k]) || isNumber(params[k]));
};

const isFailure: Check = shape({
  message: isString,
  platform: optional(isPlatformText),
  diff: optional(isString),
  location: optional(isString),
});

const isTest: Check = shape({
  name: isString,
  state: (v) => v === "pass" || v === "fail" || v === "skip",
  durationMs: isNumber,
  failure: optional(isFailure),
  logs: arrayOf(isString),
  logsTruncated: optional(isBoolean),
});

const isTask: Check = shape({
  title: isString,
  file: isString,
  tests: arrayOf(isTest),
  failure: optional(isFailure),
  done: isBoolean,
});

// Traces are drawn, not trusted for the verdict: check the parts the timeline reads.
const isTrace: Check = shape({ label: isString, goroutines: Array.isArray, events: Array.isArray });

const isDiagnostic: Check = shape({
  file: isString,
  line: isNumber,
  column: isNumber,
  message: isString,
  platform: optional(isPlatformText),
  lineText: isString,
});

const byKind: Record<RunResult["kind"], Check> = {
  tests: shape({
    tasks: arrayOf(isTask),
    passed: isNumber,
    failed: isNumber,
    complete: isBoolean,
    learnerTests: arrayOf(isTest),
    loadErrors: arrayOf(isFailure),
    traces: arrayOf(isTrace),
    durationMs: isNumber,
    explorer: isBoolean,
  }),
  "compile-error": shape({ errors: arrayOf(isDiagnostic) }),
  timeout: shape({ timeoutMs: isNumber }),
  crash: shape({ message: isString, platform: isPlatformText, test: optional(isString) }),
  cancelled: () => true,
};

/** The RunResult a result message carries as JSON, or undefined when it is not one. */
export function readRunResult(json: unknown): RunResult | undefined {
  if (typeof json !== "string") return undefined;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return undefined;
  }
  return isRunResult(value) ? value : undefined;
}

/** True when `value` has the shape of a RunResult. */
export function isRunResult(value: unknown): value is RunResult {
  if (!isRecord(value) || typeof value.kind !== "string" || !Object.hasOwn(byKind, value.kind)) return false;
  return byKind[value.kind as RunResult["kind"]](value);
}
