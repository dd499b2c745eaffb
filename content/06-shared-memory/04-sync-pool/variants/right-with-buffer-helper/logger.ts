import { Pool } from "go/sync";
import { Buffer } from "./buffer";
import type { Writer } from "./writer";

/** Buffers that grew beyond this are dropped rather than pooled, as Go's fmt does. */
export const maxPooledCap = 64 * 1024;

/** bufPool holds reusable Buffers. */
export const bufPool = new Pool<Buffer>({ new: () => new Buffer() });

/** withBuffer runs fn with an empty pooled buffer and releases it when fn has finished, however it ends. */
async function withBuffer<T>(fn: (buf: Buffer) => T | Promise<T>): Promise<T> {
  const buf = bufPool.get();
  buf.reset();
  try {
    return await fn(buf);
  } finally {
    if (buf.cap() <= maxPooledCap) bufPool.put(buf);
  }
}

/** format returns "LEVEL msg\n" as bytes the caller owns. */
export function format(level: string, msg: string): Uint8Array {
  const buf = bufPool.get();
  buf.reset();
  buf.writeString(level + " " + msg + "\n");
  const line = Uint8Array.from(buf.bytes());
  if (buf.cap() <= maxPooledCap) bufPool.put(buf);
  return line;
}

/** A Logger writes log lines to a Writer, building each in a pooled buffer. */
export class Logger {
  constructor(private readonly w: Writer) {}

  /** log writes "LEVEL msg\n" and returns once the writer is done with it. */
  log(level: string, msg: string): Promise<void> {
    return withBuffer(async (buf) => {
      buf.writeString(level + " " + msg + "\n");
      await this.w.write(buf.bytes());
    });
  }
}
