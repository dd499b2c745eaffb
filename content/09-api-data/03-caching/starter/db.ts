// The slow product database behind the cache. You do not need to change this file.
import * as errors from "go/errors";
import * as time from "go/time";

/** ErrNotFound is returned for an id that no product has. */
export const ErrNotFound = errors.new("product not found");

/** A product; prices are integer cents. */
export interface Product {
  id: string;
  name: string;
  price: number;
}

/** ProductDB is the database: every get takes `latency` of virtual time and is counted. */
export class ProductDB {
  private readonly rows = new Map<string, Product>();
  private failure: Error | null = null;
  /** How many gets reached the database, in all. */
  loads = 0;
  /** How many gets reached the database, per id. */
  readonly loadsOf = new Map<string, number>();
  /** When each get reached the database, as virtual time since the bubble started. */
  readonly loadTimes: time.Duration[] = [];

  constructor(
    products: Product[] = [],
    /** How long one get takes (default 50ms). */
    readonly latency: time.Duration = 50 * time.Millisecond,
  ) {
    for (const p of products) this.rows.set(p.id, { ...p });
  }

  /** get returns the product with id, or ErrNotFound, or the error of a failing database. */
  async get(id: string): Promise<[Product | null, Error | null]> {
    this.loads++;
    this.loadsOf.set(id, (this.loadsOf.get(id) ?? 0) + 1);
    this.loadTimes.push(time.since(time.unix(946684800, 0)));
    await time.sleep(this.latency);
    if (this.failure) {
      const err = this.failure;
      this.failure = null;
      return [null, err];
    }
    const p = this.rows.get(id);
    return p ? [{ ...p }, null] : [null, ErrNotFound];
  }

  /** put adds or replaces a product (for tests: a product created after a miss). */
  put(p: Product): void {
    this.rows.set(p.id, { ...p });
  }

  /** failNext makes the next get that completes return err (the database is down). */
  failNext(err: Error = errors.new("db: connection refused")): void {
    this.failure = err;
  }
}
