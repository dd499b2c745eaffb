// Go 1.22 ServeMux patterns: parsing, matching, precedence and conflicts.
// Ported from Go's src/net/http/pattern.go (BSD licence), simplified.

import { cleanPath, pathUnescape } from "./path";

/** One path segment of a pattern. */
export interface Segment {
  /** Literal text (unescaped), or the wildcard name ("" for a trailing-slash multi). */
  s: string;
  wild: boolean;
  multi: boolean;
}

/** A parsed ServeMux pattern: `[METHOD ][HOST]/[PATH]`. */
export interface Pattern {
  /** The pattern as registered. */
  str: string;
  /** "" matches every method. */
  method: string;
  /** "" matches every host. */
  host: string;
  segments: Segment[];
}

/** How two patterns relate as sets of requests. */
export type Relationship = "equivalent" | "moreGeneral" | "moreSpecific" | "disjoint" | "overlaps";

const tokenRe = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const wildcardNameRe = /^[\p{L}_][\p{L}\p{Nd}_]*$/u;

/** parsePattern parses s, throwing an Error with Go's message (e.g. "at offset 5: bad wildcard name ...") if it is invalid. */
export function parsePattern(s: string): Pattern {
  if (s.length === 0) throw new Error("empty pattern");
  let off = 0;
  const fail = (msg: string): never => {
    throw new Error(`at offset ${off}: ${msg}`);
  };
  let method = "";
  let rest = s;
  const sp = s.search(/[ \t]/);
  const found = sp >= 0;
  if (found) {
    method = s.slice(0, sp);
    rest = s.slice(sp + 1).replace(/^[ \t]+/, "");
  }
  if (method !== "" && !tokenRe.test(method)) fail(`invalid method ${JSON.stringify(method)}`);
  if (found) off = method.length + 1;
  const i = rest.indexOf("/");
  if (i < 0) fail("host/path missing /");
  const host = rest.slice(0, i);
  rest = rest.slice(i);
  const j = host.indexOf("{");
  if (j >= 0) {
    off += j;
    fail("host contains '{' (missing initial '/'?)");
  }
  off += i;
  if (method !== "" && method !== "CONNECT" && rest !== cleanPath(rest)) {
    fail("non-CONNECT pattern with unclean path can never match");
  }
  const segments: Segment[] = [];
  const seen = new Set<string>();
  while (rest.length > 0) {
    rest = rest.slice(1);
    off = s.length - rest.length;
    if (rest.length === 0) {
      segments.push({ s: "", wild: true, multi: true });
      break;
    }
    let k = rest.indexOf("/");
    if (k < 0) k = rest.length;
    const seg = rest.slice(0, k);
    rest = rest.slice(k);
    const b = seg.indexOf("{");
    if (b < 0) {
      segments.push({ s: pathUnescape(seg), wild: false, multi: false });
      continue;
    }
    if (b !== 0) fail("bad wildcard segment (must start with '{')");
    if (seg[seg.length - 1] !== "}") fail("bad wildcard segment (must end with '}')");
    let name = seg.slice(1, -1);
    if (name === "$") {
      if (rest.length !== 0) fail("{$} not at end");
      segments.push({ s: "/", wild: false, multi: false });
      break;
    }
    const multi = name.endsWith("...");
    if (multi) name = name.slice(0, -3);
    if (multi && rest.length !== 0) fail("{...} wildcard not at end");
    if (name === "") fail("empty wildcard");
    if (!wildcardNameRe.test(name)) fail(`bad wildcard name ${JSON.stringify(name)}`);
    if (seen.has(name)) fail(`duplicate wildcard name ${JSON.stringify(name)}`);
    seen.add(name);
    segments.push({ s: name, wild: true, multi });
  }
  return { str: s, method, host, segments };
}

/** Wildcard names of p in order (the trailing anonymous multi has none). */
export function wildcardNames(p: Pattern): string[] {
  return p.segments.filter((s) => s.wild && s.s !== "").map((s) => s.s);
}

function last(p: Pattern): Segment {
  return p.segments[p.segments.length - 1]!;
}

/** A request path split for matching: unescaped segments, a trailing slash as the segment "/". */
export interface PathSegments {
  path: string;
  segs: string[];
  /** Offset in `path` of the slash that starts each segment. */
  offs: number[];
}

/** splitPath splits a cleaned, escaped path as Go's routing tree walks it. */
export function splitPath(path: string): PathSegments {
  const segs: string[] = [];
  const offs: number[] = [];
  let i = 0;
  while (i < path.length) {
    if (i === path.length - 1) {
      segs.push("/");
      offs.push(i);
      break;
    }
    let j = path.indexOf("/", i + 1);
    if (j < 0) j = path.length;
    segs.push(pathUnescape(path.slice(i + 1, j)));
    offs.push(i);
    i = j;
  }
  return { path, segs, offs };
}

/**
 * matchPath matches the pattern's path against a split request path and
 * returns the wildcard values in order (unescaped), or null if it does not match.
 */
export function matchPath(p: Pattern, ps: PathSegments): string[] | null {
  const segs = ps.segs;
  const pat = p.segments;
  let out: string[] | null = null;
  let i = 0;
  for (; i < pat.length; i++) {
    const s = pat[i]!;
    if (s.multi) {
      if (i >= segs.length) return null;
      if (s.s !== "") (out ??= []).push(pathUnescape(ps.path.slice(ps.offs[i]! + 1)));
      return out ?? [];
    }
    if (i >= segs.length) return null;
    const seg = segs[i]!;
    if (s.wild) {
      if (seg === "/") return null;
      (out ??= []).push(seg);
    } else if (s.s !== seg) {
      return null;
    }
  }
  return i === segs.length ? (out ?? []) : null;
}

/** methodMatches reports whether a pattern with `pm` serves `method` (GET also serves HEAD). */
export function methodMatches(pm: string, method: string): boolean {
  return pm === "" || pm === method || (pm === "GET" && method === "HEAD");
}

/**
 * exactMatch reports whether p matched path without a non-empty multi
 * remainder (Go's exactMatch, used for the trailing-slash redirect).
 */
export function exactMatch(p: Pattern | null, path: string): boolean {
  if (!p) return false;
  if (!last(p).multi) return true;
  if (path.length > 0 && path[path.length - 1] !== "/") return false;
  let slashes = 0;
  for (let i = 0; i < path.length; i++) if (path.charCodeAt(i) === 47) slashes++;
  return p.segments.length === slashes;
}

function inverse(r: Relationship): Relationship {
  if (r === "moreSpecific") return "moreGeneral";
  if (r === "moreGeneral") return "moreSpecific";
  return r;
}

function combine(r1: Relationship, r2: Relationship): Relationship {
  switch (r1) {
    case "equivalent":
      return r2;
    case "disjoint":
      return "disjoint";
    case "overlaps":
      return r2 === "disjoint" ? "disjoint" : "overlaps";
    default:
      if (r2 === "equivalent") return r1;
      if (r2 === inverse(r1)) return "overlaps";
      return r2;
  }
}

/** compareMethods relates the methods of p1 and p2. */
export function compareMethods(p1: Pattern, p2: Pattern): Relationship {
  if (p1.method === p2.method) return "equivalent";
  if (p1.method === "") return "moreGeneral";
  if (p2.method === "") return "moreSpecific";
  if (p1.method === "GET" && p2.method === "HEAD") return "moreGeneral";
  if (p2.method === "GET" && p1.method === "HEAD") return "moreSpecific";
  return "disjoint";
}

function compareSegments(s1: Segment, s2: Segment): Relationship {
  if (s1.multi && s2.multi) return "equivalent";
  if (s1.multi) return "moreGeneral";
  if (s2.multi) return "moreSpecific";
  if (s1.wild && s2.wild) return "equivalent";
  if (s1.wild) return s2.s === "/" ? "disjoint" : "moreGeneral";
  if (s2.wild) return s1.s === "/" ? "disjoint" : "moreSpecific";
  return s1.s === s2.s ? "equivalent" : "disjoint";
}

/** comparePaths relates the sets of paths p1 and p2 match. */
export function comparePaths(p1: Pattern, p2: Pattern): Relationship {
  const a = p1.segments;
  const b = p2.segments;
  if (a.length !== b.length && !last(p1).multi && !last(p2).multi) return "disjoint";
  let rel: Relationship = "equivalent";
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    rel = combine(rel, compareSegments(a[i]!, b[i]!));
    if (rel === "disjoint") return rel;
  }
  if (a.length === b.length) return rel;
  if (a.length < b.length && last(p1).multi) return combine(rel, "moreGeneral");
  if (b.length < a.length && last(p2).multi) return combine(rel, "moreSpecific");
  return "disjoint";
}

/** compare relates p1 to p2 by methods and paths ("moreSpecific": p1 matches a strict subset of p2's requests). Hosts are not considered. */
export function compare(p1: Pattern, p2: Pattern): Relationship {
  const m = compareMethods(p1, p2);
  if (m === "disjoint") return "disjoint";
  return combine(m, comparePaths(p1, p2));
}

/**
 * conflictsWith reports whether p1 and p2 may not both be registered: same
 * host and they match the same requests or overlap with neither more specific.
 */
export function conflictsWith(p1: Pattern, p2: Pattern): boolean {
  if (p1.host !== p2.host) return false;
  const r = compare(p1, p2);
  return r === "equivalent" || r === "overlaps";
}

function writeSegment(s: Segment): string {
  return "/" + (!s.multi && s.s !== "/" ? s.s : "");
}

function commonPath(p1: Pattern, p2: Pattern): string {
  let b = "";
  const a = p1.segments;
  const c = p2.segments;
  const n = Math.min(a.length, c.length);
  for (let i = 0; i < n; i++) b += writeSegment(a[i]!.wild ? c[i]! : a[i]!);
  for (const s of a.length > n ? a.slice(n) : c.slice(n)) b += writeSegment(s);
  return b;
}

function differencePath(p1: Pattern, p2: Pattern): string {
  let b = "";
  const a = p1.segments;
  const c = p2.segments;
  const n = Math.min(a.length, c.length);
  for (let i = 0; i < n; i++) {
    const s1 = a[i]!;
    const s2 = c[i]!;
    if (s1.multi && s2.multi) return b + "/";
    if (s1.multi && !s2.multi) {
      b += "/";
      if (s2.s === "/") b += s1.s !== "" ? s1.s : "x";
      return b;
    }
    if (s1.wild && !s2.wild && !s2.multi) {
      b += s1.s !== s2.s ? writeSegment(s1) : "/" + s2.s + "x";
    } else {
      b += writeSegment(s1);
    }
  }
  for (const s of a.length > n ? a.slice(n) : c.slice(n)) b += writeSegment(s);
  return b;
}

/** describeConflict explains, as Go does, why p1 and p2 conflict. */
export function describeConflict(p1: Pattern, p2: Pattern): string {
  const mrel = compareMethods(p1, p2);
  const prel = comparePaths(p1, p2);
  const rel = combine(mrel, prel);
  if (rel === "equivalent") return `${p1.str} matches the same requests as ${p2.str}`;
  if (prel === "overlaps") {
    return (
      `${p1.str} and ${p2.str} both match some paths, like ${JSON.stringify(commonPath(p1, p2))}.\n` +
      `But neither is more specific than the other.\n` +
      `${p1.str} matches ${JSON.stringify(differencePath(p1, p2))}, but ${p2.str} doesn't.\n` +
      `${p2.str} matches ${JSON.stringify(differencePath(p2, p1))}, but ${p1.str} doesn't.`
    );
  }
  if (mrel === "moreGeneral" && prel === "moreSpecific") {
    return `${p1.str} matches more methods than ${p2.str}, but has a more specific path pattern`;
  }
  if (mrel === "moreSpecific" && prel === "moreGeneral") {
    return `${p1.str} matches fewer methods than ${p2.str}, but has a more general path pattern`;
  }
  return `${p1.str} and ${p2.str} conflict (methods ${mrel}, paths ${prel})`;
}
