// The slow persistent store behind the carts (a database table in a real
// service). You do not need to change this file.
import * as time from "go/time";

/** Items maps a product SKU to its quantity in the cart. */
export type Items = Record<string, number>;

/** One save that reached the store: who, what, and when it landed. */
export interface Saved {
  user: string;
  items: Items;
  /** Virtual time since the bubble started when the write landed. */
  at: time.Duration;
}

/** Options of a DB: how slow it is, and which writes fail. */
export interface DBOptions {
  /** How long a load takes (default 5ms). */
  readLatency?: time.Duration;
  /** How long the n-th save (0-based, over all users) for user takes (default 20ms each). */
  writeLatency?: (n: number, user: string) => time.Duration;
}

/**
 * DB is the persistent cart table. Every call takes virtual time. save
 * serializes its argument when it is called (as a SQL driver does), then
 * writes it when its latency has passed: two saves in flight may land in
 * either order, and the last to land wins.
 */
export class DB {
  private readonly rows = new Map<string, string>();
  private readonly readLatency: time.Duration;
  private readonly writeLatency: (n: number, user: string) => time.Duration;
  private readonly failing = new Set<string>();
  private writes = 0;
  /** Every save that landed, in the order it landed. */
  readonly saved: Saved[] = [];
  /** How many loads were made. */
  loads = 0;

  constructor(seed: Record<string, Items> = {}, opts: DBOptions = {}) {
    for (const [user, items] of Object.entries(seed)) this.rows.set(user, JSON.stringify(items));
    this.readLatency = opts.readLatency ?? 5 * time.Millisecond;
    this.writeLatency = opts.writeLatency ?? (() => 20 * time.Millisecond);
  }

  /** load returns the user's saved cart ({} if none) after readLatency. */
  async load(user: string): Promise<Items> {
    this.loads++;
    const row = this.rows.get(user) ?? "{}";
    await time.sleep(this.readLatency);
    return JSON.parse(row) as Items;
  }

  /**
   * save replaces the user's saved cart with items and returns null, or an
   * error (and changes nothing) while the user's row is failing.
   */
  async save(user: string, items: Items): Promise<Error | null> {
    const row = JSON.stringify(items); // taken now: later changes to items are not saved
    const d = this.writeLatency(this.writes++, user);
    await time.sleep(d);
    if (this.failing.has(user)) return new Error(`db: write to cart ${user} failed: connection reset`);
    this.rows.set(user, row);
    this.saved.push({ user, items: JSON.parse(row) as Items, at: time.since(epoch()) });
    return null;
  }

  /** peek returns what is stored for user right now, without latency (for tests). */
  peek(user: string): Items {
    return JSON.parse(this.rows.get(user) ?? "{}") as Items;
  }

  /** failWrites makes every save for user fail (on = true) or succeed again. */
  failWrites(user: string, on = true): void {
    if (on) this.failing.add(user);
    else this.failing.delete(user);
  }
}

/** The bubble's epoch: its clock starts at 2000-01-01 00:00:00 UTC. */
function epoch(): time.Time {
  return time.unix(946684800, 0);
}
