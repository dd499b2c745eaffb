// Form parsing for Request.parseForm (Go's parsePostForm and a minimal
// mime.ParseMediaType). Multipart bodies are not parsed.

import type { Body } from "./body";
import { MaxBytesError, fromBytes } from "./body";
import type { Header } from "./header";
import type { Values } from "./url";
import { parseQuery } from "./url";

const token = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/**
 * parseMediaType returns the lower-cased media type of a Content-Type value,
 * or an Error with Go's mime messages for the malformed cases Go rejects.
 */
export function parseMediaType(v: string): [string, Error | null] {
  const parts = v.split(";");
  const base = parts[0]!.trim().toLowerCase();
  if (base === "") return ["", new Error("mime: no media type")];
  const slash = base.indexOf("/");
  if (slash < 0 || !token.test(base.slice(0, slash)) || !token.test(base.slice(slash + 1))) {
    return [base, new Error(slash < 0 ? "mime: expected slash after first token" : "mime: expected token after slash")];
  }
  for (const p of parts.slice(1)) {
    const param = p.trim();
    if (param === "") continue;
    const eq = param.indexOf("=");
    const val = eq < 0 ? "" : param.slice(eq + 1);
    if (eq < 0 || !token.test(param.slice(0, eq)) || !(token.test(val) || /^"([^"\\]|\\.)*"$/.test(val))) {
      return [base, new Error("mime: invalid media parameter")];
    }
  }
  return [base, null];
}

/** Go reads at most 10 MB of an urlencoded body unless a maxBytesReader sets the limit. */
const maxFormSize = 10 << 20;

/** parsePostForm parses an application/x-www-form-urlencoded body; other types give no values. */
export function parsePostForm(header: Header, body: Body): [Values | null, Error | null] {
  const [ct, err] = parseMediaType(header.get("Content-Type") || "application/octet-stream");
  if (ct !== "application/x-www-form-urlencoded") return [null, err];
  let bytes: Uint8Array;
  try {
    bytes = body.readSync();
  } catch (e) {
    if (e instanceof MaxBytesError) return [null, e];
    return [null, e as Error];
  }
  if (body.limit < 0 && bytes.length > maxFormSize) return [null, new Error("http: POST too large")];
  const [vs, qerr] = parseQuery(fromBytes(bytes));
  return [vs, err ?? qerr];
}
