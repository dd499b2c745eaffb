// A subset of Go's fmt.Sprintf, enough for errors.errorf: verbs %v %+v %s
// %d %q %x %X %t %f %e %g %T %w and %%, flags + - # 0 and space, width,
// precision and explicit argument indexes (%[2]s). Errors print their
// message, objects with their own toString print through it (Go's
// Stringer), arrays as [a b], Maps as map[k:v], plain objects as {a b}
// ({x:a y:b} with %+v). Mistakes print as Go prints them: %!d(string=hi),
// %!s(MISSING), %!(EXTRA int=1), %!(NOVERB), %!s(BADINDEX).

/** The result of sprintf: the text and the argument indexes used with %w. */
export interface Printed {
  text: string;
  wrapped: number[];
  reordered: boolean;
}

const builtinToString = new Set<unknown>([
  Object.prototype.toString,
  Array.prototype.toString,
  Function.prototype.toString,
  Error.prototype.toString,
]);

/** isStringer reports whether v has a toString of its own (Go: implements fmt.Stringer). */
export function isStringer(v: unknown): boolean {
  if (typeof v !== "object" || v === null) return false;
  const f = (v as { toString?: unknown }).toString;
  return typeof f === "function" && !builtinToString.has(f);
}

/** typeName names v's type the way %T does, in JavaScript terms. */
export function typeName(v: unknown): string {
  switch (typeof v) {
    case "string":
      return "string";
    case "boolean":
      return "bool";
    case "number":
      return Number.isInteger(v) ? "int" : "float64";
    case "bigint":
      return "bigint";
    case "function":
      return "func";
    case "symbol":
      return "symbol";
    case "undefined":
      return "<nil>";
  }
  if (v === null) return "<nil>";
  if (Array.isArray(v)) return "[]any";
  const ctor = (v as object).constructor;
  return typeof ctor === "function" && ctor.name ? ctor.name : "object";
}

/** quote returns s as a Go double-quoted string literal (strconv.Quote). */
export function quote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"' || ch === "\\") out += "\\" + ch;
    else if (ch === "\n") out += "\\n";
    else if (ch === "\t") out += "\\t";
    else if (ch === "\r") out += "\\r";
    else if (c === 7) out += "\\a";
    else if (c === 8) out += "\\b";
    else if (c === 12) out += "\\f";
    else if (c === 11) out += "\\v";
    else if (c < 0x20 || c === 0x7f) out += "\\x" + c.toString(16).padStart(2, "0");
    else out += ch;
  }
  return out + '"';
}

function floatG(v: number): string {
  if (Number.isInteger(v) || !Number.isFinite(v))
    return Number.isFinite(v) ? String(v) : v > 0 ? "+Inf" : v < 0 ? "-Inf" : "NaN";
  // Go's %v uses %e for exponents below -4 (1e-05), with two exponent digits.
  if (Math.abs(v) < 1e-4) return v.toExponential().replace(/e([+-])(\d)$/, "e$10$2");
  return String(v);
}

/** formatValue prints v as %v does (plus: %+v). */
export function formatValue(v: unknown, plus = false, depth = 0): string {
  if (v === undefined || v === null) return "<nil>";
  if (typeof v === "string") return v;
  if (typeof v === "number") return floatG(v);
  if (typeof v === "boolean" || typeof v === "bigint" || typeof v === "symbol") return String(v);
  if (typeof v === "function") return "func";
  if (v instanceof Error) return v.message;
  if (isStringer(v)) return String(v);
  if (depth > 4) return "...";
  if (Array.isArray(v) || ArrayBuffer.isView(v)) {
    return "[" + Array.from(v as ArrayLike<unknown>, (x) => formatValue(x, plus, depth + 1)).join(" ") + "]";
  }
  if (v instanceof Map) {
    const parts = [...v.entries()].map(([k, x]) => [formatValue(k, plus, depth + 1), formatValue(x, plus, depth + 1)]);
    parts.sort((a, b) => (a[0]! < b[0]! ? -1 : a[0]! > b[0]! ? 1 : 0));
    return "map[" + parts.map(([k, x]) => `${k}:${x}`).join(" ") + "]";
  }
  const entries = Object.entries(v as object);
  return "{" + entries.map(([k, x]) => (plus ? `${k}:` : "") + formatValue(x, plus, depth + 1)).join(" ") + "}";
}

interface Spec {
  minus: boolean;
  plus: boolean;
  sharp: boolean;
  space: boolean;
  zero: boolean;
  width: number;
  prec: number;
}

function pad(s: string, f: Spec, numeric: boolean): string {
  if (s.length >= f.width) return s;
  if (f.minus) return s.padEnd(f.width);
  if (f.zero && numeric) {
    const sign = /^[+-]/.test(s) ? s[0]! : "";
    return sign + s.slice(sign.length).padStart(f.width - sign.length, "0");
  }
  return s.padStart(f.width);
}

function bad(verb: string, v: unknown): string {
  return v === undefined || v === null ? `%!${verb}(<nil>)` : `%!${verb}(${typeName(v)}=${formatValue(v)})`;
}

function sign(s: string, f: Spec, negative: boolean): string {
  if (negative) return s;
  return f.plus ? "+" + s : f.space ? " " + s : s;
}

function hex(v: unknown, f: Spec, upper: boolean, verb: string): string | null {
  let s: string;
  if ((typeof v === "number" && Number.isInteger(v)) || typeof v === "bigint") {
    const n = typeof v === "bigint" ? v : BigInt(v);
    s = (n < 0n ? "-" : "") + (f.sharp ? "0x" : "") + (n < 0n ? -n : n).toString(16);
  } else if (typeof v === "string" || v instanceof Error || isStringer(v)) {
    const text = typeof v === "string" ? v : formatValue(v);
    s = Array.from(new TextEncoder().encode(text), (b) => b.toString(16).padStart(2, "0")).join("");
  } else return bad(verb, v);
  return upper ? s.toUpperCase() : s;
}

function formatOne(verb: string, v: unknown, f: Spec): string {
  const isErr = v instanceof Error;
  switch (verb) {
    case "v":
    case "w":
      return pad(formatValue(v, f.plus), f, false);
    case "T":
      return pad(typeName(v), f, false);
    case "s": {
      if (typeof v !== "string" && !isErr && !isStringer(v)) return bad(verb, v);
      const s = formatValue(v);
      return pad(f.prec >= 0 ? [...s].slice(0, f.prec).join("") : s, f, false);
    }
    case "q":
      if (typeof v === "number" && Number.isInteger(v)) return pad(`'${String.fromCodePoint(v)}'`, f, false);
      if (typeof v !== "string" && !isErr && !isStringer(v)) return bad(verb, v);
      return pad(quote(formatValue(v)), f, false);
    case "d":
      if (typeof v === "bigint" || (typeof v === "number" && Number.isInteger(v))) {
        return pad(sign(String(v), f, v < 0), f, true);
      }
      return bad(verb, v);
    case "t":
      return typeof v === "boolean" ? pad(String(v), f, false) : bad(verb, v);
    case "x":
    case "X":
      return pad(hex(v, f, verb === "X", verb)!, f, true);
    case "f":
    case "F":
    case "e":
    case "g": {
      if (typeof v !== "number") return bad(verb, v);
      const s =
        verb === "g"
          ? f.prec >= 0
            ? String(Number(v.toPrecision(Math.max(f.prec, 1))))
            : floatG(v)
          : verb === "e"
            ? v.toExponential(f.prec >= 0 ? f.prec : 6).replace(/e([+-])(\d)$/, "e$10$2")
            : v.toFixed(f.prec >= 0 ? f.prec : 6);
      return pad(sign(s, f, v < 0), f, true);
    }
  }
  return `%!${verb}(${typeName(v)}=${formatValue(v)})`;
}

/**
 * sprintf formats like Go's fmt.Sprintf. With wrapErrs, %w takes an error
 * (anything else prints as a bad verb) and its argument index is recorded.
 */
export function sprintf(format: string, args: readonly unknown[], wrapErrs = false): Printed {
  let out = "";
  let argNum = 0;
  let reordered = false;
  const wrapped: number[] = [];
  const n = format.length;
  for (let i = 0; i < n;) {
    const pct = format.indexOf("%", i);
    if (pct < 0) {
      out += format.slice(i);
      break;
    }
    out += format.slice(i, pct);
    i = pct + 1;
    const f: Spec = { minus: false, plus: false, sharp: false, space: false, zero: false, width: 0, prec: -1 };
    for (; i < n; i++) {
      const c = format[i];
      if (c === "-") f.minus = true;
      else if (c === "+") f.plus = true;
      else if (c === "#") f.sharp = true;
      else if (c === " ") f.space = true;
      else if (c === "0") f.zero = !f.minus;
      else break;
    }
    let badIndex = false;
    const index = /^\[(\d+)\]/.exec(format.slice(i));
    if (index) {
      const k = Number(index[1]) - 1;
      if (k >= 0 && k < args.length) argNum = k;
      else badIndex = true;
      reordered = true;
      i += index[0].length;
    }
    const w = /^\d+/.exec(format.slice(i));
    if (w) {
      f.width = Number(w[0]);
      i += w[0].length;
    }
    if (format[i] === ".") {
      const p = /^\d*/.exec(format.slice(i + 1))![0];
      f.prec = p === "" ? 0 : Number(p);
      i += 1 + p.length;
    }
    if (i >= n) {
      out += "%!(NOVERB)";
      break;
    }
    const verb = String.fromCodePoint(format.codePointAt(i)!);
    i += verb.length;
    if (verb === "%") {
      out += "%";
      continue;
    }
    if (badIndex) {
      out += `%!${verb}(BADINDEX)`;
      continue;
    }
    if (argNum >= args.length) {
      out += `%!${verb}(MISSING)`;
      continue;
    }
    const v = args[argNum];
    if (verb === "w") {
      wrapped.push(argNum);
      if (!wrapErrs || !(v instanceof Error)) {
        out += bad("w", v);
        argNum++;
        continue;
      }
    }
    out += formatOne(verb, v, f);
    argNum++;
  }
  if (!reordered && argNum < args.length) {
    out +=
      "%!(EXTRA " +
      args
        .slice(argNum)
        .map((v) => (v === undefined || v === null ? "<nil>" : `${typeName(v)}=${formatValue(v)}`))
        .join(", ") +
      ")";
  }
  return { text: out, wrapped, reordered };
}
