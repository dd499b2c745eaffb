// Go's json.Number.

/**
 * A JSONNumber is a JSON number literal kept as text (Go's json.Number,
 * exported as json.Number): what decoding into any() gives with
 * Decoder.useNumber, and what number() decodes. It encodes as the literal.
 */
export class JSONNumber {
  constructor(private readonly s: string) {}

  /** string returns the literal text of the number. */
  string(): string {
    return this.s;
  }

  toString(): string {
    return this.s;
  }

  /** float64 returns the number as a float64: [value, null], or [0, err] if it is not a number. */
  float64(): [number, Error | null] {
    const f = Number(this.s);
    if (this.s.trim() === "" || Number.isNaN(f))
      return [0, new Error(`strconv.ParseFloat: parsing ${JSON.stringify(this.s)}: invalid syntax`)];
    return [f, null];
  }

  /** int64 returns the number as an integer: [value, null], or [0, err] if it has a fraction or is not exact in JavaScript. */
  int64(): [number, Error | null] {
    if (!/^[+-]?\d+$/.test(this.s))
      return [0, new Error(`strconv.ParseInt: parsing ${JSON.stringify(this.s)}: invalid syntax`)];
    const n = Number(this.s);
    if (!Number.isSafeInteger(n))
      return [0, new Error(`strconv.ParseInt: parsing ${JSON.stringify(this.s)}: value out of range`)];
    return [n, null];
  }
}
