import { Pool } from "go/sync";
import { Buffer } from "./buffer";
import type { Writer } from "./writer";

/** Buffers that grew beyond this are dropped rather than pooled, as Go's fmt does. */
export const maxPooledCap = 64 * 1024;

/** bufPool holds reusable Buffers; new fills it when it is empty (Go: sync.Pool{New: ...}). */
export const bufPool = new Pool<Buffer>({ new: () => new Buffer() });

/** release puts buf back for reuse, unless it grew too big to keep around. */
function release(buf: Buffer): void {
  if (buf.cap() > maxPooledCap) return; // one huge line must not pin its memory forever
  bufPool.put(buf);
}

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
  const buf = bufPool.get();
  buf.reset(); // a pooled buffer still holds its last user's bytes
  writeLine(buf, level, msg);
  const line = buf.bytes().slice(); // a copy: buf's memory goes back to the pool
  release(buf);
  return line;
}

/** A Logger writes log lines to a Writer, building each in a pooled buffer. */
export class Logger {
  constructor(private readonly w: Writer) {}

  /** log writes "LEVEL msg\n" and returns once the writer is done with it. */
  async log(level: string, msg: string): Promise<void> {
    const buf = bufPool.get();
    buf.reset();
    writeLine(buf, level, msg);
    const line = buf.bytes();
    release(buf); // done building the line
    await this.w.write(line);
  }
}
