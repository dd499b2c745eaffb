import type { DB, Line, Order } from "./db";

/**
 * placeOrder creates user's order in one transaction: it reserves the stock
 * of every line, inserts the order and commits. On any error, and on a
 * panic, the transaction is rolled back, so nothing is reserved or stored.
 */
export async function placeOrder(db: DB, user: string, lines: Line[]): Promise<[Order | null, Error | null]> {
  const [tx, err] = await db.begin();
  if (err || !tx) return [null, err];
  try {
    for (const line of lines) {
      const err = await tx.reserve(line.sku, line.quantity);
      if (err) return [null, err];
    }
    const [order, ierr] = await tx.insertOrder(user, lines);
    if (ierr) return [null, ierr];
    const cerr = await tx.commit();
    if (cerr) return [null, cerr];
    return [order, null];
  } finally {
    // Go: defer tx.Rollback(). After a commit it does nothing (ErrTxDone).
    await tx.rollback();
  }
}
