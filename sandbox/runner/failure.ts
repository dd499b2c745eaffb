// Turns an error as vitest serialised it (or any thrown value) into the
// TestFailure the UI shows. Reads every field defensively: a learner's error
// may have a non-string name or message, or getters that throw.

import type { TestFailure } from "../protocol";
import type { StackMapper } from "./stack-mapper";
import { renderValue } from "./thrown";
import { platformOf, platformText } from "../platform-text";
import { MAX_DIFF_CHARS, MAX_MESSAGE_CHARS, capText } from "../output-limits";

/** An error after vitest's processError (or a raw thrown value). */
export interface SerializedError {
  message?: unknown;
  name?: unknown;
  diff?: unknown;
  stack?: unknown;
  /** A platform message's code (platformError, reportable), kept when it says exactly `message`. */
  platform?: unknown;
}

// eslint-disable-next-line no-control-regex -- ANSI colour codes start with ESC
const ANSI = /\u001b\[[0-9;]*m/g;

function stripAnsi(text: string): string {
  return text.replace(ANSI, "");
}

function read(error: unknown, key: keyof SerializedError): unknown {
  try {
    return (error as SerializedError)[key];
  } catch {
    return undefined;
  }
}

function text(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  return typeof value === "string" ? value : renderValue(value);
}

/** The failure to show for `error`; never throws. */
export function toFailure(error: unknown, mapper: StackMapper): TestFailure {
  if (error === null || (typeof error !== "object" && typeof error !== "function"))
    return error === undefined
      ? platformText("unknownError")
      : platformText("thrownValue", { value: capText(renderValue(error), MAX_MESSAGE_CHARS) });
  const name = text(read(error, "name"));
  // Go runtime reports (GoDeadlock, GoLeak, GoPanic, ...) already start with Go's own headline.
  const plain =
    !name || name === "Error" || name === "AssertionError" || name === "ThrownValue" || name.startsWith("Go");
  const said = text(read(error, "message"));
  const message = said ?? "unknown error";
  // Cap before stripping: a regex over megabytes would cost more than the cut.
  const failure: TestFailure = {
    message: stripAnsi(capText(`${plain ? "" : `${name}: `}${message}`, MAX_MESSAGE_CHARS)),
  };
  const platform = plain
    ? said === undefined
      ? platformText("unknownError").platform
      : platformOf(read(error, "platform"), failure.message)
    : undefined;
  if (platform) failure.platform = platform;
  const diff = read(error, "diff");
  if (typeof diff === "string" && diff) failure.diff = stripAnsi(capText(diff, MAX_DIFF_CHARS));
  const stack = read(error, "stack");
  try {
    const location = mapper.locate(typeof stack === "string" ? stack : undefined);
    if (location) failure.location = location;
  } catch {
    // An unmappable stack only loses the location.
  }
  return failure;
}
