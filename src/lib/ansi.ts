// Console output may carry ANSI escape sequences (colour libraries, or a
// learner's own "\x1b[31m"). parseAnsi turns SGR colour and weight codes into
// styled segments and drops every other control sequence, so the page never
// shows raw escapes.

/** A run of text with one style. Colours are the 16 ANSI colour numbers 0-15. */
export interface AnsiSegment {
  text: string;
  fg?: number;
  bg?: number;
  bold?: boolean;
  dim?: boolean;
  italic?: boolean;
  underline?: boolean;
}

type Style = Omit<AnsiSegment, "text">;

// CSI (ESC [ params final), OSC (ESC ] ... BEL or ESC \), other two-byte escapes, and C1 CSI.
const ESCAPE =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /\u001b\[([0-?]*)[ -/]*([@-~])|\u009b([0-?]*)[ -/]*([@-~])|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[@-Z\\-_]?/g;

function applySgr(style: Style, params: string): Style {
  const codes = params === "" ? [0] : params.split(/[;:]/).map((p) => (p === "" ? 0 : Number(p)));
  let next: Style = { ...style };
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i]!;
    if (c === 0) next = {};
    else if (c === 1) next.bold = true;
    else if (c === 2) next.dim = true;
    else if (c === 3) next.italic = true;
    else if (c === 4) next.underline = true;
    else if (c === 22) next.bold = next.dim = undefined;
    else if (c === 23) next.italic = undefined;
    else if (c === 24) next.underline = undefined;
    else if (c >= 30 && c <= 37) next.fg = c - 30;
    else if (c >= 90 && c <= 97) next.fg = c - 90 + 8;
    else if (c === 39) next.fg = undefined;
    else if (c >= 40 && c <= 47) next.bg = c - 40;
    else if (c >= 100 && c <= 107) next.bg = c - 100 + 8;
    else if (c === 49) next.bg = undefined;
    else if (c === 38 || c === 48) {
      // 256-colour (5;n) and true-colour (2;r;g;b) forms: the first 16 map, the rest are skipped.
      const mode = codes[i + 1];
      if (mode === 5) {
        const n = codes[i + 2] ?? 0;
        if (n < 16) next[c === 38 ? "fg" : "bg"] = n;
        i += 2;
      } else if (mode === 2) i += 4;
    }
  }
  for (const key of Object.keys(next) as (keyof Style)[]) if (next[key] === undefined) delete next[key];
  return next;
}

/** parseAnsi splits text into styled segments; escapes other than SGR are removed. */
export function parseAnsi(text: string): AnsiSegment[] {
  const out: AnsiSegment[] = [];
  let style: Style = {};
  let last = 0;
  const push = (chunk: string) => {
    if (!chunk) return;
    const prev = out[out.length - 1];
    if (prev && sameStyle(prev, style)) prev.text += chunk;
    else out.push({ text: chunk, ...style });
  };
  for (const match of text.matchAll(ESCAPE)) {
    push(text.slice(last, match.index));
    last = match.index + match[0].length;
    const final = match[2] ?? match[4];
    if (final === "m") style = applySgr(style, match[1] ?? match[3] ?? "");
  }
  push(text.slice(last));
  return out;
}

function sameStyle(a: Style, b: Style): boolean {
  return (
    a.fg === b.fg &&
    a.bg === b.bg &&
    a.bold === b.bold &&
    a.dim === b.dim &&
    a.italic === b.italic &&
    a.underline === b.underline
  );
}

/** stripAnsi returns text without any escape sequence. */
export function stripAnsi(text: string): string {
  return text.replace(ESCAPE, "");
}
