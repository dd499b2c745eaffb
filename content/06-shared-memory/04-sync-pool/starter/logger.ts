import { Pool } from "go/sync";
import { Buffer } from "./buffer";
import type { Writer } from "./writer";

/** Buffers that grew beyond this are dropped rather than pooled, as Go's fmt does. */
export const maxPooledCap = 64 * 1024;

// TODO: a Pool of Buffers with a `new` function for when it is empty.
/** bufPool holds reusable Buffers (Go: sync.Pool{New: ...}). */
export const bufPool = new Pool<Buffer | undefined>();

/** line writes one log line into buf. */
function writeLine(buf: Buffer, level: string, msg: string): void {
  buf.writeString(level);
  buf.writeString(" ");
  buf.writeString(msg);
  buf.writeString("\n");
}

/**
 * format returns the log line "LEVEL msg\n" as bytes the caller owns: they
 * never change, whatever later calls do. It builds the line in a pooled
 * buffer.
 */
export function format(level: string, msg: string): Uint8Array {
  // TODO: take the buffer from bufPool, reset it, and put it back when you
  // are done, unless it grew beyond maxPooledCap. What you return must not
  // share memory with a buffer that goes back to the pool.
  const buf = new Buffer();
  writeLine(buf, level, msg);
  return buf.bytes();
}

/** A Logger writes log lines to a Writer, building each in a pooled buffer. */
export class Logger {
  constructor(private readonly w: Writer) {}

  /** log writes "LEVEL msg\n" and returns once the writer is done with it. */
  async log(level: string, msg: string): Promise<void> {
    // TODO: build the line in a pooled buffer, and put the buffer back only
    // once the writer is done with its bytes.
    await this.w.write(format(level, msg));
  }
}
