import { Mutex } from "go/sync";
import type { Ledger } from "./ledger";

/** An Account is a bank account that many goroutines use at once. */
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

  /** open opens an account with an initial deposit; null if it is negative. */
  static async open(ledger: Ledger, initial: number): Promise<Account | null> {
    if (initial < 0) return null;
    await ledger.record({ kind: "open", amount: initial, balance: initial });
    return new Account(ledger, initial);
  }

  /** withLock runs fn holding the mutex and releases it however fn ends. */
  private async withLock<T>(fn: () => Promise<T> | T): Promise<T> {
    await this.mu.lock();
    try {
      return await fn();
    } finally {
      this.mu.unlock();
    }
  }

  /** balance returns [balance, true], or [0, false] once closed. */
  balance(): Promise<[number, boolean]> {
    return this.withLock(() => (this.closed ? [0, false] : [this.bal, true]));
  }

  /** deposit adds amount (negative: withdraws it); [0, false] if closed or overdrawn. */
  deposit(amount: number): Promise<[number, boolean]> {
    return this.withLock(async (): Promise<[number, boolean]> => {
      const next = this.bal + amount;
      if (this.closed || next < 0) return [0, false];
      await this.ledger.record({ kind: "deposit", amount, balance: next });
      this.bal = next;
      return [next, true];
    });
  }

  /** close pays out the balance once: [payout, true], then [0, false]. */
  close(): Promise<[number, boolean]> {
    return this.withLock(async (): Promise<[number, boolean]> => {
      if (this.closed) return [0, false];
      const payout = this.bal;
      await this.ledger.record({ kind: "close", amount: -payout, balance: 0 });
      this.closed = true;
      this.bal = 0;
      return [payout, true];
    });
  }
}
