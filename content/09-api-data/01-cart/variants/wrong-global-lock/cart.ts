import * as errors from "go/errors";
import { Mutex } from "go/sync";
import type { DB, Items } from "./db";

/** MaxQuantity is the most of one product a cart may hold. */
export const MaxQuantity = 99;

/** ErrInvalidQuantity is returned when a change would leave a line outside 1..MaxQuantity. */
export const ErrInvalidQuantity = errors.new("cart: quantity must be a whole number from 1 to 99");

/** userCart is one user's cart in memory: its lock, and its items once loaded. */
interface userCart {
  mu: Mutex;
  items: Items | null; // null until loaded from the DB
}

/**
 * Carts keeps every user's cart in memory and writes each change through to
 * the DB before it returns. One user's requests are serialized by that
 * user's lock; different users never wait for each other.
 */
export class Carts {
  private readonly users = new Map<string, userCart>();
  private readonly mu = new Mutex(); // one lock for all users

  constructor(private readonly db: DB) {}

  /** cart returns user's entry, creating it without an await so no two entries exist. */
  private cart(user: string): userCart {
    let c = this.users.get(user);
    if (!c) {
      c = { mu: this.mu, items: null };
      this.users.set(user, c);
    }
    return c;
  }

  /** loaded returns c's items, loading them from the DB on first use. Hold c.mu. */
  private async loaded(c: userCart, user: string): Promise<Items> {
    if (c.items === null) c.items = await this.db.load(user);
    return c.items;
  }

  /** get returns a copy of user's cart. */
  async get(user: string): Promise<Items> {
    const c = this.cart(user);
    await c.mu.lock();
    try {
      return { ...(await this.loaded(c, user)) };
    } finally {
      c.mu.unlock();
    }
  }

  /**
   * update applies change to a copy of user's cart, saves the copy, and only
   * then makes it the cart in memory: a failed save changes nothing. The
   * lock is held across the save, so saves land in the order of the changes.
   */
  private async update(user: string, change: (items: Items) => Error | null): Promise<[Items, Error | null]> {
    const c = this.cart(user);
    await c.mu.lock();
    try {
      const current = await this.loaded(c, user);
      const next = { ...current };
      const err = change(next) ?? (await this.db.save(user, next));
      if (err) return [{ ...current }, err];
      c.items = next;
      return [{ ...next }, null];
    } finally {
      c.mu.unlock();
    }
  }

  /** add adds qty of sku (qty >= 1; the line may not exceed MaxQuantity) and returns the cart. */
  add(user: string, sku: string, qty: number): Promise<[Items, Error | null]> {
    return this.update(user, (items) => {
      const total = (items[sku] ?? 0) + qty;
      if (!validQuantity(qty) || !validQuantity(total)) return ErrInvalidQuantity;
      items[sku] = total;
      return null;
    });
  }

  /** setQuantity sets sku's quantity (0 removes the line) and returns the cart. */
  setQuantity(user: string, sku: string, qty: number): Promise<[Items, Error | null]> {
    return this.update(user, (items) => {
      if (qty === 0) delete items[sku];
      else if (validQuantity(qty)) items[sku] = qty;
      else return ErrInvalidQuantity;
      return null;
    });
  }

  /** remove removes sku's line, if any, and returns the cart. */
  remove(user: string, sku: string): Promise<[Items, Error | null]> {
    return this.update(user, (items) => {
      delete items[sku];
      return null;
    });
  }
}

/** validQuantity reports whether q is a whole number from 1 to MaxQuantity. */
function validQuantity(q: number): boolean {
  return Number.isInteger(q) && q >= 1 && q <= MaxQuantity;
}
