/**
 * An Entry is one line of the bank's ledger: what happened to an account and
 * the balance it left. kind "deposit" covers withdrawals too (a negative
 * amount), as Exercism's Deposit does; "close" pays the balance out.
 */
export interface Entry {
  kind: "open" | "deposit" | "close";
  /** The money that moved: the opening amount, the deposit (negative: a withdrawal), or minus the payout. */
  amount: number;
  /** The balance after this entry. */
  balance: number;
}

/**
 * A Ledger is the bank's journal, a remote service: record takes time, so it
 * is awaited. The bank requires that entries arrive one at a time, in the
 * order the balance changed: each entry's balance is the previous one plus
 * its amount.
 */
export interface Ledger {
  record(entry: Entry): Promise<void>;
}
