const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * A Buffer is a growable byte buffer (Go: bytes.Buffer, the part a logger
 * needs). Like Go's, bytes() returns a view of the buffer's own memory, not
 * a copy: writing to the buffer after a reset changes what an earlier
 * bytes() returned.
 */
export class Buffer {
  /** The number of Buffers ever constructed, so tests can see whether they are reused. */
  static allocated = 0;
  private buf = new Uint8Array(64);
  private n = 0;

  constructor() {
    Buffer.allocated++;
  }

  /** writeString appends s, UTF-8 encoded, growing the buffer if needed (Go: b.WriteString(s)). */
  writeString(s: string): void {
    const p = encoder.encode(s);
    if (this.n + p.length > this.buf.length) {
      const grown = new Uint8Array(Math.max(2 * this.buf.length, this.n + p.length));
      grown.set(this.buf.subarray(0, this.n));
      this.buf = grown;
    }
    this.buf.set(p, this.n);
    this.n += p.length;
  }

  /** bytes returns the contents: a view that aliases the buffer's memory, valid until the next write or reset (Go: b.Bytes()). */
  bytes(): Uint8Array {
    return this.buf.subarray(0, this.n);
  }

  /** string returns a copy of the contents as a string (Go: b.String()). */
  string(): string {
    return decoder.decode(this.bytes());
  }

  /** len returns the number of bytes written since the last reset (Go: b.Len()). */
  len(): number {
    return this.n;
  }

  /** cap returns the capacity of the buffer's memory (Go: b.Cap()). */
  cap(): number {
    return this.buf.length;
  }

  /** reset empties the buffer but keeps its memory for reuse (Go: b.Reset()). */
  reset(): void {
    this.n = 0;
  }
}
