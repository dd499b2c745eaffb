// Header mirrors Go's http.Header: a map from canonical keys to lists of values.

const tokenChar = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/**
 * canonicalHeaderKey returns the canonical format of the header key s: the
 * first letter and any letter following a hyphen are upper case, the rest
 * lower case ("accept-encoding" -> "Accept-Encoding"). If s contains a space
 * or an invalid header field byte, it is returned unchanged (as in Go).
 */
export function canonicalHeaderKey(s: string): string {
  if (!tokenChar.test(s)) return s;
  let out = "";
  let upper = true;
  for (const c of s) {
    out += upper ? c.toUpperCase() : c.toLowerCase();
    upper = c === "-";
  }
  return out;
}

/**
 * A Header represents the key-value pairs in an HTTP header. Keys are
 * canonicalized with canonicalHeaderKey on every method, so
 * `h.get("content-type")` and `h.get("Content-Type")` are the same.
 */
export class Header {
  private readonly m = new Map<string, string[]>();

  /**
   * Creates a header. `init` may be a record (`{"Content-Type": "text/plain"}`,
   * array values add several), a list of [key, value] pairs, or another Header.
   */
  constructor(init?: Header | Record<string, string | string[]> | Iterable<readonly [string, string]>) {
    if (!init) return;
    if (init instanceof Header) {
      for (const [k, vs] of init.m) this.m.set(k, [...vs]);
    } else if (Symbol.iterator in init) {
      for (const [k, v] of init as Iterable<readonly [string, string]>) this.add(k, v);
    } else {
      for (const [k, v] of Object.entries(init)) {
        for (const one of Array.isArray(v) ? v : [v]) this.add(k, one);
      }
    }
  }

  /** add adds the value to key. It appends to any existing values associated with key. */
  add(key: string, value: string): void {
    const k = canonicalHeaderKey(key);
    const vs = this.m.get(k);
    if (vs) vs.push(value);
    else this.m.set(k, [value]);
  }

  /** set sets the header entries associated with key to the single element value, replacing existing values. */
  set(key: string, value: string): void {
    this.m.set(canonicalHeaderKey(key), [value]);
  }

  /** get gets the first value associated with key, or "" if there are none. */
  get(key: string): string {
    return this.m.get(canonicalHeaderKey(key))?.[0] ?? "";
  }

  /** values returns all values associated with key (a copy; empty if none). */
  values(key: string): string[] {
    return [...(this.m.get(canonicalHeaderKey(key)) ?? [])];
  }

  /** has reports whether key is present (Go: `_, ok := h[key]`). */
  has(key: string): boolean {
    return this.m.has(canonicalHeaderKey(key));
  }

  /** del deletes the values associated with key. */
  del(key: string): void {
    this.m.delete(canonicalHeaderKey(key));
  }

  /** clone returns a deep copy of the header. */
  clone(): Header {
    return new Header(this);
  }

  /** keys returns the canonical keys present, sorted (Go writes headers in sorted order). */
  keys(): string[] {
    return [...this.m.keys()].sort();
  }

  /** entries returns one [key, value] pair per value, keys sorted, values in insertion order. */
  entries(): [string, string][] {
    const out: [string, string][] = [];
    for (const k of this.keys()) for (const v of this.m.get(k)!) out.push([k, v]);
    return out;
  }

  /** Number of distinct keys. */
  get size(): number {
    return this.m.size;
  }

  /** Iterating a Header yields the same [key, value] pairs as entries(). */
  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.entries()[Symbol.iterator]();
  }

  /** toJSON renders the header as Go's map does: `{ "Content-Type": ["text/plain"] }`. */
  toJSON(): Record<string, string[]> {
    const o: Record<string, string[]> = {};
    for (const k of this.keys()) o[k] = [...this.m.get(k)!];
    return o;
  }
}
