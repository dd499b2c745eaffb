import { Mutex } from "go/sync";
import type { Ledger } from "./ledger";

/**
 * An Account is a bank account that many goroutines use at once. Every
 * method is safe for concurrent use: the mutex guards balance and closed,
 * and is held across the ledger write so the ledger sees the changes one
 * at a time, in order.
 */
export class Account {
  private readonly mu = new Mutex();
  private bal: number;
  private closed = false;

  private constructor(
    private readonly ledger: Ledger,
    initial: number,
  ) {
    this.bal = initial;
  }

  /**
   * open opens an account with an initial deposit and records it in the
   * ledger. A negative initial deposit opens nothing: it returns null.
   */
  static async open(ledger: Ledger, initial: number): Promise<Account | null> {
    if (initial < 0) return null;
    // Nobody else can see the account yet, so no lock is needed.
    await ledger.record({ kind: "open", amount: initial, balance: initial });
    return new Account(ledger, initial);
  }

  /** balance returns [balance, true], or [0, false] once the account is closed. */
  async balance(): Promise<[number, boolean]> {
    await this.mu.lock();
    try {
      if (this.closed) return [0, false];
      return [this.bal, true];
    } finally {
      this.mu.unlock();
    }
  }

  /**
   * deposit adds amount (negative: withdraws it), records it in the ledger
   * and returns [new balance, true]. It returns [0, false] when the account
   * is closed or when the withdrawal would take the balance below zero.
   */
  async deposit(amount: number): Promise<[number, boolean]> {
    await this.mu.lock();
    try {
      // Checked under the lock: a close may have won the race for it.
      if (this.closed || this.bal + amount < 0) return [0, false];
      const next = this.bal + amount;
      // Still holding the lock: nobody else may check the old balance
      // while this entry is on its way to the ledger.
      await this.ledger.record({ kind: "deposit", amount, balance: next });
      this.bal = next;
      return [next, true];
    } finally {
      this.mu.unlock();
    }
  }

  /**
   * close closes the account, records the payout and returns [payout, true].
   * Closing a closed account changes nothing and returns [0, false].
   */
  async close(): Promise<[number, boolean]> {
    await this.mu.lock();
    try {
      const payout = this.bal;
      await this.ledger.record({ kind: "close", amount: -payout, balance: 0 });
      this.closed = true;
      this.bal = 0;
      return [payout, true];
    } finally {
      this.mu.unlock();
    }
  }
}
