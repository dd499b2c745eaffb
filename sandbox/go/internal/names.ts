// How Go's fmt and context print values and durations, in JavaScript terms.
import { Nanosecond } from "../time";
import type { Duration } from "../time";
import { isStringer, typeName } from "./fmt";

/**
 * stringify prints v as context's String methods do: a Stringer through its
 * toString, a string as is, nil as <nil>, a symbol as Symbol(desc), anything
 * else as its type name.
 */
export function stringify(v: unknown): string {
  if (isStringer(v)) return String(v);
  if (typeof v === "string") return v;
  if (v === null || v === undefined) return "<nil>";
  if (typeof v === "symbol") return v.toString();
  return typeName(v);
}

function frac(v: number, prec: number): string {
  // v is a whole number of the smallest unit; print v / 10^prec without trailing zeros.
  const s = String(v).padStart(prec + 1, "0");
  const whole = s.slice(0, s.length - prec);
  const f = s.slice(s.length - prec).replace(/0+$/, "");
  return f ? `${whole}.${f}` : whole;
}

/** durationString formats d as Go's Duration.String does: "1h2m3.5s", "1.5ms", "0s". */
export function durationString(d: Duration): string {
  let ns = Math.round(d / Nanosecond);
  if (ns === 0) return "0s";
  const neg = ns < 0;
  if (neg) ns = -ns;
  let out: string;
  if (ns < 1e9) {
    if (ns < 1e3) out = `${ns}ns`;
    else if (ns < 1e6) out = `${frac(ns, 3)}µs`;
    else out = `${frac(ns, 6)}ms`;
  } else {
    const h = Math.floor(ns / 3.6e12);
    const m = Math.floor((ns % 3.6e12) / 6e10);
    const s = ns % 6e10;
    out = `${h > 0 ? `${h}h` : ""}${h > 0 || m > 0 ? `${m}m` : ""}${frac(s, 9)}s`;
  }
  return neg ? `-${out}` : out;
}
