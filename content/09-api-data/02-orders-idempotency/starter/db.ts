// A small transactional database (database/sql in a real service), which
// records everything that happens to it. You do not need to change this file.
import * as errors from "go/errors";
import * as time from "go/time";

/** ErrTxDone is returned by commit or rollback on a transaction that has already ended (Go: sql.ErrTxDone). */
export const ErrTxDone = errors.new("sql: transaction has already been committed or rolled back");

/** ErrOutOfStock is returned by reserve when fewer items are left than asked for. */
export const ErrOutOfStock = errors.new("out of stock");

/** ErrUnknownProduct is returned by reserve for a SKU the shop does not sell. */
export const ErrUnknownProduct = errors.new("unknown product");

/** One line of an order: a product and how many. */
export interface Line {
  sku: string;
  quantity: number;
}

/** An order as stored: prices are integer cents. */
export interface Order {
  id: number;
  user: string;
  lines: Line[];
  total: number;
}

/** A product row. */
interface Product {
  price: number;
  stock: number;
}

/** An operation that can be made to fail. */
export type Op = "begin" | "reserve" | "insert" | "commit";

/**
 * DB holds products (price and stock) and orders. Changes are made inside a
 * transaction and become permanent on commit; rollback undoes them.
 * `log` records every statement, as "tx<n> <what>".
 */
export class DB {
  private readonly products = new Map<string, Product>();
  /** Committed orders, in commit order. */
  readonly orders: Order[] = [];
  /** Every statement, in order: "tx1 begin", "tx1 reserve mug 2", "tx1 commit", ... */
  readonly log: string[] = [];
  private nextTx = 1;
  private nextOrder = 1;
  private readonly failures = new Map<Op, Error>();
  private readonly panics = new Set<Op>();
  /** Transactions begun and not yet committed or rolled back. */
  open = 0;

  constructor(products: Record<string, { price: number; stock: number }> = {}) {
    for (const [sku, p] of Object.entries(products)) this.products.set(sku, { ...p });
  }

  /** stock returns how many of sku are left (committed or reserved by an open transaction). */
  stock(sku: string): number {
    return this.products.get(sku)?.stock ?? 0;
  }

  /** failNext makes the next call of op return err (or throw it, with panic = true). */
  failNext(op: Op, err: Error = errors.new(`db: ${op} failed: connection reset`), panic = false): void {
    if (panic) this.panics.add(op);
    this.failures.set(op, err);
  }

  /** fail returns (or throws) the error planned for op, once. */
  fail(op: Op): Error | null {
    const err = this.failures.get(op) ?? null;
    this.failures.delete(op);
    if (err && this.panics.delete(op)) throw err;
    return err;
  }

  /** begin starts a transaction (Go: db.BeginTx(ctx, nil)). */
  async begin(): Promise<[Tx | null, Error | null]> {
    await time.sleep(time.Millisecond);
    const err = this.fail("begin");
    if (err) return [null, err];
    const tx = new Tx(this, this.nextTx++);
    this.open++;
    this.log.push(`tx${tx.id} begin`);
    return [tx, null];
  }

  /** product is for Tx. */
  product(sku: string): Product | undefined {
    return this.products.get(sku);
  }

  /** newOrderID is for Tx. */
  newOrderID(): number {
    return this.nextOrder++;
  }
}

/**
 * Tx is a transaction (Go: *sql.Tx). Every method takes virtual time.
 * After commit or rollback, both return ErrTxDone and change nothing.
 */
export class Tx {
  private done = false;
  private readonly undo: (() => void)[] = [];
  private readonly inserted: Order[] = [];

  constructor(
    private readonly db: DB,
    /** The transaction's number in the log. */
    readonly id: number,
  ) {}

  /**
   * reserve takes quantity of sku from stock, atomically (Go:
   * UPDATE products SET stock = stock - $1 WHERE sku = $2 AND stock >= $1).
   * It returns ErrUnknownProduct, ErrOutOfStock (wrapped with the SKU), or null.
   */
  async reserve(sku: string, quantity: number): Promise<Error | null> {
    if (this.done) return ErrTxDone;
    await time.sleep(2 * time.Millisecond);
    const err = this.db.fail("reserve");
    if (err) return err;
    const p = this.db.product(sku);
    if (!p) return errors.errorf("%s: %w", sku, ErrUnknownProduct);
    if (p.stock < quantity) {
      this.db.log.push(`tx${this.id} reserve ${sku} ${quantity}: out of stock`);
      return errors.errorf("%s: %w", sku, ErrOutOfStock);
    }
    p.stock -= quantity;
    this.undo.push(() => (p.stock += quantity));
    this.db.log.push(`tx${this.id} reserve ${sku} ${quantity}`);
    return null;
  }

  /** insertOrder stores a new order for user with lines, priced from the products. */
  async insertOrder(user: string, lines: Line[]): Promise<[Order | null, Error | null]> {
    if (this.done) return [null, ErrTxDone];
    await time.sleep(2 * time.Millisecond);
    const err = this.db.fail("insert");
    if (err) return [null, err];
    const total = lines.reduce((sum, l) => sum + (this.db.product(l.sku)?.price ?? 0) * l.quantity, 0);
    const order: Order = { id: this.db.newOrderID(), user, lines: lines.map((l) => ({ ...l })), total };
    this.inserted.push(order);
    this.db.log.push(`tx${this.id} insert order ${order.id}`);
    return [{ ...order, lines: order.lines.map((l) => ({ ...l })) }, null];
  }

  /** commit makes the transaction's changes permanent. If it fails, the changes are undone. */
  async commit(): Promise<Error | null> {
    if (this.done) return ErrTxDone;
    this.done = true;
    this.db.open--;
    await time.sleep(3 * time.Millisecond);
    const err = this.db.fail("commit");
    if (err) {
      for (const u of this.undo.reverse()) u();
      this.db.log.push(`tx${this.id} commit failed`);
      return err;
    }
    this.db.orders.push(...this.inserted);
    this.db.log.push(`tx${this.id} commit`);
    return null;
  }

  /** rollback undoes the transaction's changes; after commit it returns ErrTxDone and does nothing. */
  async rollback(): Promise<Error | null> {
    if (this.done) return ErrTxDone;
    this.done = true;
    this.db.open--;
    await time.sleep(time.Millisecond);
    for (const u of this.undo.reverse()) u();
    this.db.log.push(`tx${this.id} rollback`);
    return null;
  }
}
