import type { Context } from "go/context";
import type { DB } from "./db";

/** An Order as the service returns it. */
export interface Order {
  id: string;
  item: string;
  stock: number;
}

/**
 * Service loads orders. It holds what lives as long as the service (the
 * database); what lives as long as a request (its context) is passed to
 * every call instead.
 */
export class Service {
  constructor(private db: DB) {}

  /**
   * order loads order id and the stock of its item, with ctx's deadline and
   * cancellation applied to every database read.
   */
  async order(ctx: Context, id: string): Promise<[Order | null, Error | null]> {
    const [item, err] = await this.db.get(ctx, `order:${id}`);
    if (err !== null) return [null, err];
    const [stock, err2] = await this.stock(ctx, item);
    if (err2 !== null) return [null, err2];
    return [{ id, item, stock }, null];
  }

  /** stock reads how many of item are left. */
  private async stock(ctx: Context, item: string): Promise<[number, Error | null]> {
    const [n, err] = await this.db.get(ctx, `stock:${item}`);
    if (err !== null) return [0, err];
    return [Number(n), null];
  }
}
