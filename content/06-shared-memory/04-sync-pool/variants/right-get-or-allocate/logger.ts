import { Pool } from "go/sync";
import { Buffer } from "./buffer";
import type { Writer } from "./writer";

/** Buffers that grew beyond this are dropped rather than pooled, as Go's fmt does. */
export const maxPooledCap = 64 * 1024;

/** bufPool holds reusable Buffers; without new, an empty pool returns undefined. */
export const bufPool = new Pool<Buffer | undefined>();

/** getBuffer returns an empty buffer, pooled if one is available. */
function getBuffer(): Buffer {
  const buf = bufPool.get() ?? new Buffer(); // Go: if b == nil { b = new(bytes.Buffer) }
  buf.reset();
  return buf;
}

/** putBuffer pools buf unless it grew too big. */
function putBuffer(buf: Buffer): void {
  if (buf.cap() <= maxPooledCap) bufPool.put(buf);
}

/** format returns "LEVEL msg\n" as bytes the caller owns. */
export function format(level: string, msg: string): Uint8Array {
  const buf = getBuffer();
  buf.writeString(`${level} ${msg}\n`);
  const line = new Uint8Array(buf.len());
  line.set(buf.bytes());
  putBuffer(buf);
  return line;
}

/** A Logger writes log lines to a Writer, building each in a pooled buffer. */
export class Logger {
  constructor(private readonly w: Writer) {}

  /** log writes "LEVEL msg\n" and returns once the writer is done with it. */
  async log(level: string, msg: string): Promise<void> {
    const buf = getBuffer();
    buf.writeString(`${level} ${msg}\n`);
    await this.w.write(buf.bytes());
    putBuffer(buf); // the writer is done with its bytes
  }
}
