// Request bodies: fully buffered bytes with Go's MaxBytesReader limit.

import { unmarshal } from "../../encoding/json/decode";

const enc = new TextEncoder();
const dec = new TextDecoder();

/** toBytes encodes a string as UTF-8 (Uint8Array passes through). */
export function toBytes(b: string | Uint8Array): Uint8Array {
  return typeof b === "string" ? enc.encode(b) : b;
}

/** fromBytes decodes UTF-8 bytes to a string. */
export function fromBytes(b: Uint8Array): string {
  return dec.decode(b);
}

/**
 * MaxBytesError is returned (thrown) by a body wrapped with maxBytesReader
 * when more than `limit` bytes are read. Its message is Go's:
 * "http: request body too large".
 */
export class MaxBytesError extends Error {
  /** The limit that was exceeded, in bytes. */
  readonly limit: number;
  constructor(limit: number) {
    super("http: request body too large");
    this.name = "MaxBytesError";
    this.limit = limit;
  }
}

/**
 * ErrBodyReadAfterClose is thrown when a body is read after it was closed
 * (Go's http.ErrBodyReadAfterClose).
 */
export const ErrBodyReadAfterClose = new Error("http: invalid Read on closed Body");

/**
 * A Body is a request or response body (Go's io.ReadCloser, buffered). Read
 * it with bytes(), text() or json(); reads are async like Go's blocking
 * reads. Unlike Go, a body can be read more than once (until it is closed).
 * close() releases it: later reads throw ErrBodyReadAfterClose, as in Go.
 */
export class Body {
  private readonly data: Uint8Array;
  private closed = false;
  /** The byte limit set by maxBytesReader, or -1 for none. */
  readonly limit: number;

  constructor(data: string | Uint8Array = new Uint8Array(0), limit = -1) {
    this.data = toBytes(data);
    this.limit = limit;
  }

  /** Size of the body in bytes, as sent (regardless of any limit). */
  get length(): number {
    return this.data.length;
  }

  /** bytes reads the whole body (Go's io.ReadAll). It throws MaxBytesError if the body is over the limit. */
  async bytes(): Promise<Uint8Array> {
    return this.readSync();
  }

  /** text reads the whole body as UTF-8. It throws MaxBytesError if the body is over the limit. */
  async text(): Promise<string> {
    return dec.decode(this.readSync());
  }

  /**
   * json reads the body and parses it as JSON, unchecked against any type
   * (see go/encoding/json or decodeJSON for that). Malformed JSON throws
   * go/encoding/json's SyntaxError, with Go's message and byte offset.
   */
  async json<T = unknown>(): Promise<T> {
    const [v, err] = unmarshal(dec.decode(this.readSync()));
    if (err) throw err;
    return v as T;
  }

  /** readSync returns the bytes now (used by the library; handlers use the async readers). */
  readSync(): Uint8Array {
    if (this.closed) throw ErrBodyReadAfterClose;
    if (this.limit >= 0 && this.data.length > this.limit) throw new MaxBytesError(this.limit);
    return this.data;
  }

  /**
   * close closes the body (Go's Body.Close): later reads throw
   * ErrBodyReadAfterClose. Closing twice is harmless. It returns null (Go's nil error).
   */
  close(): Error | null {
    this.closed = true;
    return null;
  }

  /** withLimit returns a view of the same bytes limited to n (the smaller limit wins). */
  withLimit(n: number): Body {
    const lim = this.limit >= 0 ? Math.min(this.limit, n) : n;
    return new Body(this.data, Math.max(0, lim));
  }
}

/** NoBody is an empty Body that is always readable: close does nothing (Go's http.NoBody). */
export const NoBody: Body = new (class extends Body {
  override close(): Error | null {
    return null;
  }
})();
