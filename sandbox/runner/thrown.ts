// Turns any thrown value into something the runner can report: null,
// undefined, symbols, BigInts, functions, plain objects with odd `name` or
// `message`, cyclic objects, throwing getters and Proxies whose every trap
// throws. Nothing here may throw.

import { format } from "@vitest/utils/display";
import { platformText, type PlatformText } from "../platform-text";

const MAX_RENDER = 2000;
const ErrorCtor = Error;
const { getOwnPropertyNames } = Object;
const { apply } = Reflect;
const symbolToString = Symbol.prototype.toString;
const bigintToString = BigInt.prototype.toString;

function clip(text: string): string {
  return text.length > MAX_RENDER
    ? // The page translates the suffix where the text is a platform message's value (src/components/exercise/localize.ts).
      text.slice(0, MAX_RENDER) + platformText("moreCharacters", { n: text.length - MAX_RENDER }).message
    : text;
}

/** A readable, bounded rendering of any value, e.g. "{ status: 400, message: { code: 7 } }". */
export function renderValue(value: unknown): string {
  try {
    switch (typeof value) {
      case "string":
        return clip(value);
      case "symbol":
        return apply(symbolToString, value, []) as string;
      case "bigint":
        return `${apply(bigintToString, value, []) as string}n`;
      case "undefined":
        return "undefined";
      case "number":
      case "boolean":
        return `${value}`;
    }
  } catch {
    return "a value that cannot be displayed";
  }
  if (value === null) return "null";
  try {
    return clip(format(value));
  } catch {
    return typeof value === "function"
      ? "[a function that cannot be displayed]"
      : "[an object that cannot be displayed]";
  }
}

/**
 * True when `value` is an Error the runner's reporting (vitest's
 * processError) can read: every own property and `name`, `message`, `stack`
 * readable without throwing, and `name`/`message` strings.
 */
function isReportable(value: unknown): value is Error {
  try {
    if (!(value instanceof ErrorCtor)) return false;
    const error = value as unknown as Record<string, unknown>;
    if (typeof error.name !== "string" || typeof error.message !== "string") return false;
    const stack = error.stack;
    if (stack !== undefined && typeof stack !== "string") return false;
    const names = getOwnPropertyNames(value);
    for (let i = 0; i < names.length; i++) void error[names[i]!];
    return true;
  } catch {
    return false;
  }
}

function kindOf(value: unknown): string {
  if (value === null) return "null";
  try {
    if (typeof value === "function") return "function";
    if (typeof value !== "object") return typeof value;
    return Array.isArray(value) ? "array" : "object";
  } catch {
    return "object";
  }
}

/**
 * Returns `value` when it is a readable Error, otherwise a new Error whose
 * message renders the value ("thrown object: { status: 400, ... }").
 */
export function reportable(value: unknown): Error {
  if (isReportable(value)) return value;
  const kind = kindOf(value);
  const bare = kind === "null" || kind === "undefined";
  const rendered = bare ? "" : renderValue(value);
  const error = new ErrorCtor(bare ? `thrown ${kind}` : `thrown ${kind}: ${rendered}`) as Error & {
    platform: PlatformText;
  };
  error.name = "ThrownValue";
  // The code the page translates (sandbox/platform-text.ts); the value stays as rendered.
  error.platform = bare
    ? { code: "thrownValue", params: { value: kind } }
    : { code: "thrownKind", params: { kind, value: rendered } };
  return error;
}

/**
 * unhandledText is the message of an error no test caught, framed by the
 * platform: a thrown non-Error keeps its own code inside the frame
 * ("Unhandled error: thrown object: ..."), so the page says all of it in the
 * learner's language; any other message is a parameter, kept as written.
 */
export function unhandledText(failure: { message: string; platform?: PlatformText }): {
  message: string;
  platform: PlatformText;
} {
  const { platform } = failure;
  if (platform?.code === "thrownKind") return platformText("unhandledThrownKind", platform.params);
  if (platform?.code === "thrownValue") return platformText("unhandledThrownValue", platform.params);
  return platformText("unhandledError", { message: failure.message });
}
