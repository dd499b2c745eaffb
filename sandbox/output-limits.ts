// Caps on what the sandbox sends to the page and what the page renders. The
// runner caps before posting and the host caps again on receipt (a message
// learner code forged never went through the runner), so no output can make
// the page's main thread stall.

/** Longest failure message (and load error) shown, in UTF-16 code units. */
export const MAX_MESSAGE_CHARS = 8_000;
/** Longest expected/actual diff shown. */
export const MAX_DIFF_CHARS = 8_000;
/** Longest API-explorer response body shown. */
export const MAX_BODY_CHARS = 64 * 1024;
/** Most API-explorer response headers shown, and the longest header name or value. */
export const MAX_HEADERS = 200;
export const MAX_HEADER_CHARS = 2_000;
/** Longest test or task name shown. */
export const MAX_NAME_CHARS = 500;
/** Most console lines per test (each line is capped by MAX_MESSAGE_CHARS). */
export const MAX_LOG_LINES = 100;

/** utf8Length is the number of bytes text takes in UTF-8 (lone surrogates count as 3, as TextEncoder writes U+FFFD). */
export function utf8Length(text: string): number {
  // The common case, all ASCII, is one native scan.
  // eslint-disable-next-line no-control-regex -- the ASCII range starts at NUL
  if (!/[^\u0000-\u007f]/.test(text)) return text.length;
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

/** formatSize renders a byte count for people: "512 bytes", "12.3 KB", "10.0 MB". */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} ${bytes === 1 ? "byte" : "bytes"}`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** The line capText appends; exported so views can tell a capped text. */
export const CAP_MARK = "\n… ";
/** capText's own last line, so capping twice (runner, then host) keeps the first count. */
const CAP_LINE = /\n… [\d,]+ more bytes \([\d.]+ (?:bytes|KB|MB) in all\)$/;
const CAP_LINE_MAX = 64;

/**
 * capText returns text unchanged when it has at most max code units;
 * otherwise its first max code units (never half a surrogate pair) followed by
 * a line with the size left out and the whole size, e.g.
 * "… 10,477,760 more bytes (10.0 MB in all)". Text capped already at max
 * passes unchanged. A value that is not a string becomes "".
 */
export function capText(text: unknown, max: number): string {
  if (typeof text !== "string") return "";
  if (text.length <= max) return text;
  if (text.length <= max + CAP_LINE_MAX && CAP_LINE.test(text.slice(-CAP_LINE_MAX))) return text;
  let end = Math.max(0, max);
  const last = text.charCodeAt(end - 1);
  if (end > 0 && last >= 0xd800 && last <= 0xdbff) end--;
  const head = text.slice(0, end);
  const total = utf8Length(text);
  const more = total - utf8Length(head);
  return `${head}${CAP_MARK}${more.toLocaleString("en-US")} more bytes (${formatSize(total)} in all)`;
}
