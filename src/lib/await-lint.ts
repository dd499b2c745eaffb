// Flags, before Run, a blocking Go-runtime call used as a statement without
// `await` (`ch.send(v);`): it starts the operation and moves on, which the
// runtime reports as a "forgot await?" panic. A line-based heuristic (the
// editor has no type information here): a statement that is nothing but a
// call of a known blocking method. It may miss a case (the runtime still
// catches it) and, for unrelated objects with the same method names, warn
// without reason, so it is a warning, not an error.

import { translator } from "../i18n/messages/define";
import messages from "../i18n/messages/exercise";

/** A warning at a 1-based line and column range of one file. */
export interface AwaitWarning {
  line: number;
  column: number;
  endColumn: number;
  /** The call not awaited, e.g. "ch.send". */
  call: string;
  message: string;
}

/** The warning's text for a call, in English; the editor passes its own language's. */
const english = (call: string) => translator(messages, "en")("notAwaited", { call });

/** Methods of go, go/sync, go/time, go/x/sync and go/testing/synctest values that block and return a promise. */
const BLOCKING_METHODS = ["send", "recv", "recvOk", "lock", "rLock", "wait", "acquire", "sleep", "do", "doChan"];
/** Blocking functions imported bare from "go". */
const BLOCKING_FUNCTIONS = ["select", "gosched"];

const METHOD_CALL = new RegExp(
  String.raw`^([A-Za-z_$][\w$]*(?:\??\.[A-Za-z_$][\w$]*|\[[^\]\n]*\]|\(\))*\??\.(${BLOCKING_METHODS.join("|")}))\s*\(`,
);
const FUNCTION_CALL = new RegExp(String.raw`^(${BLOCKING_FUNCTIONS.join("|")})\s*\(`);
/**
 * A previous line ending like this means the next line starts a new
 * statement: `;`, a brace, `)` (an if/for/while head, or a statement
 * without a semicolon), or nothing.
 */
const STATEMENT_END = /(?:^|[;{})])\s*$/;

/** stripComment drops a trailing // comment (not inside a string on that line; good enough here). */
function stripComment(line: string): string {
  const i = line.indexOf("//");
  if (i < 0) return line;
  const before = line.slice(0, i);
  const quotes = (before.match(/["'`]/g) ?? []).length;
  return quotes % 2 === 0 ? before : line;
}

/**
 * findUnawaitedCalls returns a warning for each statement of source that
 * only calls a blocking runtime operation without awaiting it; `describe`
 * words the warning for a call.
 */
export function findUnawaitedCalls(source: string, describe: (call: string) => string = english): AwaitWarning[] {
  const out: AwaitWarning[] = [];
  const lines = source.split("\n");
  let prev = ""; // previous line with code, comments removed
  let inBlockComment = false;
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i]!;
    if (inBlockComment) {
      const end = line.indexOf("*/");
      if (end < 0) continue;
      inBlockComment = false;
      line = " ".repeat(end + 2) + line.slice(end + 2);
    }
    const open = line.indexOf("/*");
    if (open >= 0 && line.indexOf("*/", open + 2) < 0) {
      inBlockComment = true;
      line = line.slice(0, open);
    }
    const code = stripComment(line);
    const trimmed = code.trimStart();
    if (trimmed === "") continue;
    const indent = code.length - trimmed.length;
    const startsStatement = STATEMENT_END.test(prev) || /\b(?:else|do)\s*$/.test(prev);
    const m = METHOD_CALL.exec(trimmed) ?? FUNCTION_CALL.exec(trimmed);
    if (startsStatement && m) {
      const call = m[1]!;
      out.push({
        line: i + 1,
        column: indent + 1,
        endColumn: indent + call.length + 1,
        call,
        message: describe(call),
      });
    }
    prev = code;
  }
  return out;
}
