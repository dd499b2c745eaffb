import * as errors from "go/errors";
import type { DB, Items } from "./db";

/** MaxQuantity is the most of one product a cart may hold. */
export const MaxQuantity = 99;

/** ErrInvalidQuantity is returned when a change would leave a line outside 1..MaxQuantity. */
export const ErrInvalidQuantity = errors.new("cart: quantity must be a whole number from 1 to 99");

/**
 * Carts keeps every user's cart in memory and writes each change through to
 * the DB before it returns. One user's requests are serialized by that
 * user's lock; different users never wait for each other.
 */
export class Carts {
  // TODO: one entry per user: a Mutex (from "go/sync") and the items, loaded
  // from the DB on first use (db.load).
  private readonly users = new Map<string, Items>();

  constructor(private readonly db: DB) {}

  /** get returns a copy of user's cart. */
  async get(user: string): Promise<Items> {
    // TODO: under the user's lock, load the cart on first use.
    return { ...(this.users.get(user) ?? {}) };
  }

  /** add adds qty of sku (qty >= 1; the line may not exceed MaxQuantity) and returns the cart. */
  async add(user: string, sku: string, qty: number): Promise<[Items, Error | null]> {
    // TODO: lock, change a copy, save it with db.save, and only then keep it
    // in memory; a failed save returns its error and changes nothing.
    const items = this.users.get(user) ?? {};
    const total = (items[sku] ?? 0) + qty;
    if (!Number.isInteger(qty) || qty < 1 || total > MaxQuantity) return [{ ...items }, ErrInvalidQuantity];
    items[sku] = total;
    this.users.set(user, items);
    return [{ ...items }, null];
  }

  /** setQuantity sets sku's quantity (0 removes the line) and returns the cart. */
  async setQuantity(user: string, sku: string, qty: number): Promise<[Items, Error | null]> {
    // TODO: as add.
    const items = this.users.get(user) ?? {};
    if (!Number.isInteger(qty) || qty < 0 || qty > MaxQuantity) return [{ ...items }, ErrInvalidQuantity];
    if (qty === 0) delete items[sku];
    else items[sku] = qty;
    this.users.set(user, items);
    return [{ ...items }, null];
  }

  /** remove removes sku's line, if any, and returns the cart. */
  async remove(user: string, sku: string): Promise<[Items, Error | null]> {
    // TODO: as add.
    const items = this.users.get(user) ?? {};
    delete items[sku];
    this.users.set(user, items);
    return [{ ...items }, null];
  }
}
