import { Group } from "go/x/sync/singleflight";
import * as errors from "go/errors";
import * as time from "go/time";
import type { Product, ProductDB } from "./db";
import { ErrNotFound } from "./db";

/** Options of a Cache. */
export interface Options {
  /** How long a product stays cached, before jitter. */
  ttl: time.Duration;
  /** How long a "not found" stays cached: short, so new products appear soon. */
  negativeTTL: time.Duration;
  /** The most extra time added to ttl, at random, per entry. */
  jitter: time.Duration;
  /** A random number in [0, 1) (default Math.random); tests pass their own. */
  rand?: () => number;
}

/** An entry: a product, or null for an id known not to exist, until `expires`. */
interface entry {
  product: Product | null;
  expires: time.Time;
}

/**
 * Cache is a cache-aside product cache in front of a ProductDB: concurrent
 * misses for one id share one load (singleflight), ids that do not exist
 * are cached briefly (negative caching), and every entry's TTL gets random
 * extra time so entries loaded together do not expire together (jitter).
 */
export class Cache {
  private readonly entries = new Map<string, entry>();
  private readonly group = new Group<Product | null>();
  private readonly rand: () => number;

  constructor(
    private readonly db: ProductDB,
    private readonly opts: Options,
  ) {
    this.rand = opts.rand ?? Math.random;
  }

  /** get returns the product with id: [product, null], [null, ErrNotFound], or [null, the database's error]. */
  async get(id: string): Promise<[Product | null, Error | null]> {
    const e = this.entries.get(id);
    if (e && time.now().before(e.expires)) return found(e.product);
    const [product, err] = await this.group.do(id, () => this.load(id));
    if (err) return [null, err]; // a failing database is not cached
    return found(product ?? null);
  }

  /** load reads id from the database and caches the answer, a miss included. */
  private async load(id: string): Promise<Product | null> {
    const [p, err] = await this.db.get(id);
    if (errors.is(err, ErrNotFound)) {
      this.entries.set(id, { product: null, expires: time.now().add(this.opts.negativeTTL) });
      return null;
    }
    if (err) throw err;
    const ttl = this.opts.ttl + Math.trunc(this.rand() * this.opts.jitter);
    this.entries.set(id, { product: p, expires: time.now().add(ttl) });
    return p;
  }
}

/** found turns a cached value into get's result. */
function found(p: Product | null): [Product | null, Error | null] {
  return p ? [{ ...p }, null] : [null, ErrNotFound];
}
