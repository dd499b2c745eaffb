import type { DB, Line, Order, Tx } from "./db";

/**
 * placeOrder creates user's order in one transaction: it reserves the stock
 * of every line, inserts the order and commits. On any error, and on a
 * panic, the transaction is rolled back, so nothing is reserved or stored.
 */
/** withTx runs fn in a transaction: commit if fn returns no error, roll back otherwise (and on a panic). */
async function withTx<T>(db: DB, fn: (tx: Tx) => Promise<[T | null, Error | null]>): Promise<[T | null, Error | null]> {
  const [tx, err] = await db.begin();
  if (err || !tx) return [null, err];
  let committed = false;
  try {
    const [v, ferr] = await fn(tx);
    if (ferr) return [null, ferr];
    const cerr = await tx.commit();
    committed = true;
    return cerr ? [null, cerr] : [v, null];
  } finally {
    if (!committed) await tx.rollback();
  }
}

export async function placeOrder(db: DB, user: string, lines: Line[]): Promise<[Order | null, Error | null]> {
  return withTx(db, async (tx) => {
    for (const line of lines) {
      const err = await tx.reserve(line.sku, line.quantity);
      if (err) return [null, err];
    }
    return tx.insertOrder(user, lines);
  });
}
