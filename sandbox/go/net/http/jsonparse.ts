// A strict JSON parser with Go-style syntax errors and positions that are the
// same in every JavaScript engine (JSON.parse messages differ between them).

/** A JSON syntax error; `offset` counts characters read, including the bad one (Go's SyntaxError.Offset). */
export class JSONSyntaxError extends Error {
  readonly offset: number;
  constructor(msg: string, offset: number) {
    super(msg);
    this.name = "JSONSyntaxError";
    this.offset = offset;
  }
}

function quoteChar(c: string): string {
  if (c === "'") return "'\\''";
  if (c === '"') return "'\"'";
  const code = c.charCodeAt(0);
  if (code < 0x20) return `'\\x${code.toString(16).padStart(2, "0")}'`;
  return `'${c}'`;
}

/** parseJSON parses exactly one JSON value (surrounding whitespace allowed). */
export function parseJSON(src: string): unknown {
  let i = 0;
  const n = src.length;
  const fail = (context: string): never => {
    if (i >= n) throw new JSONSyntaxError("unexpected end of JSON input", n);
    throw new JSONSyntaxError(`invalid character ${quoteChar(src[i]!)} ${context}`, i + 1);
  };
  const ws = () => {
    while (i < n) {
      const c = src.charCodeAt(i);
      if (c === 32 || c === 9 || c === 10 || c === 13) i++;
      else break;
    }
  };
  const lit = (word: string, v: unknown): unknown => {
    for (let k = 0; k < word.length; k++, i++) {
      if (src[i] !== word[k]) fail("in literal " + word + " (expecting " + quoteChar(word[k]!) + ")");
    }
    return v;
  };
  const str = (): string => {
    i++; // opening quote
    let out = "";
    let start = i;
    for (;;) {
      if (i >= n) fail("");
      const c = src.charCodeAt(i);
      if (c === 34) {
        out += src.slice(start, i);
        i++;
        return out;
      }
      if (c < 0x20) fail("in string literal");
      if (c === 92) {
        out += src.slice(start, i);
        i++;
        if (i >= n) fail("");
        const e = src[i]!;
        const simple: Record<string, string> = {
          '"': '"',
          "\\": "\\",
          "/": "/",
          b: "\b",
          f: "\f",
          n: "\n",
          r: "\r",
          t: "\t",
        };
        if (e in simple) {
          out += simple[e];
          i++;
        } else if (e === "u") {
          i++;
          for (let k = 0; k < 4; k++) {
            if (i + k >= n) {
              i = n;
              fail("");
            }
            if (!/[0-9A-Fa-f]/.test(src[i + k]!)) {
              i += k;
              fail("in \\u hexadecimal character escape");
            }
          }
          out += String.fromCharCode(parseInt(src.slice(i, i + 4), 16));
          i += 4;
        } else {
          fail("in string escape code");
        }
        start = i;
        continue;
      }
      i++;
    }
  };
  const num = (): number => {
    const start = i;
    if (src[i] === "-") i++;
    if (src[i] === "0") i++;
    else if (i < n && src[i]! >= "1" && src[i]! <= "9") while (i < n && src[i]! >= "0" && src[i]! <= "9") i++;
    else fail("in numeric literal");
    if (src[i] === ".") {
      i++;
      if (!(i < n && src[i]! >= "0" && src[i]! <= "9")) fail("after decimal point in numeric literal");
      while (i < n && src[i]! >= "0" && src[i]! <= "9") i++;
    }
    if (src[i] === "e" || src[i] === "E") {
      i++;
      if (src[i] === "+" || src[i] === "-") i++;
      if (!(i < n && src[i]! >= "0" && src[i]! <= "9")) fail("in exponent of numeric literal");
      while (i < n && src[i]! >= "0" && src[i]! <= "9") i++;
    }
    return Number(src.slice(start, i));
  };
  const value = (): unknown => {
    ws();
    if (i >= n) fail("");
    const c = src[i]!;
    if (c === "{") {
      i++;
      const obj: Record<string, unknown> = {};
      ws();
      if (src[i] === "}") {
        i++;
        return obj;
      }
      for (;;) {
        ws();
        if (src[i] !== '"') fail("looking for beginning of object key string");
        const k = str();
        ws();
        if (src[i] !== ":") fail("after object key");
        i++;
        const v = value();
        Object.defineProperty(obj, k, { value: v, enumerable: true, writable: true, configurable: true });
        ws();
        if (src[i] === ",") {
          i++;
          continue;
        }
        if (src[i] === "}") {
          i++;
          return obj;
        }
        fail("after object key:value pair");
      }
    }
    if (c === "[") {
      i++;
      const arr: unknown[] = [];
      ws();
      if (src[i] === "]") {
        i++;
        return arr;
      }
      for (;;) {
        arr.push(value());
        ws();
        if (src[i] === ",") {
          i++;
          continue;
        }
        if (src[i] === "]") {
          i++;
          return arr;
        }
        fail("after array element");
      }
    }
    if (c === '"') return str();
    if (c === "-" || (c >= "0" && c <= "9")) return num();
    if (c === "t") return lit("true", true);
    if (c === "f") return lit("false", false);
    if (c === "n") return lit("null", null);
    return fail("looking for beginning of value");
  };
  const v = value();
  ws();
  if (i < n) fail("after top-level value");
  return v;
}
