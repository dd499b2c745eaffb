import { select } from "go";
import * as time from "go/time";
import type { Context } from "go/context";

/** ErrNotFound is returned by DB.get for a key it does not hold. */
export const ErrNotFound = new Error("db: no such key");

/**
 * DB is a slow key-value database, as database/sql's QueryContext: each key
 * takes its own time to read, and a read stops when its context ends.
 */
export class DB {
  /** Every key read so far, in order. */
  readonly reads: string[] = [];
  private rows: Map<string, [string, time.Duration]>;

  /** rows maps each key to its value and how long reading it takes. */
  constructor(rows: Record<string, [string, time.Duration]>) {
    this.rows = new Map(Object.entries(rows));
  }

  /**
   * get returns [value, null] once the read is done, [ "", ErrNotFound ] for
   * an unknown key, or ["", ctx.err()] as soon as ctx ends.
   */
  async get(ctx: Context, key: string): Promise<[string, Error | null]> {
    this.reads.push(key);
    const row = this.rows.get(key);
    const took = row ? row[1] : 10 * time.Millisecond;
    return select(
      time.after(took).recvCase((): [string, Error | null] => (row ? [row[0], null] : ["", ErrNotFound])),
      ctx.done().recvCase((): [string, Error | null] => ["", ctx.err()]),
    );
  }
}
