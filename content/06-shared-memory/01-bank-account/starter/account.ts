import { Mutex } from "go/sync";
import type { Ledger } from "./ledger";

/**
 * An Account is a bank account that many goroutines use at once. Every
 * method must be safe for concurrent use.
 */
export class Account {
  // TODO: a Mutex that guards bal and closed.
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
    // TODO: refuse a negative initial deposit.
    await ledger.record({ kind: "open", amount: initial, balance: initial });
    return new Account(ledger, initial);
  }

  /** balance returns [balance, true], or [0, false] once the account is closed. */
  async balance(): Promise<[number, boolean]> {
    // TODO: a closed account has no balance.
    return [this.bal, true];
  }

  /**
   * deposit adds amount (negative: withdraws it), records it in the ledger
   * and returns [new balance, true]. It returns [0, false] when the account
   * is closed or when the withdrawal would take the balance below zero.
   */
  async deposit(amount: number): Promise<[number, boolean]> {
    // TODO: correct for one caller at a time only. Two withdrawals can both
    // pass the check while the first is still on its way to the ledger.
    if (this.bal + amount < 0) return [0, false];
    const next = this.bal + amount;
    await this.ledger.record({ kind: "deposit", amount, balance: next });
    this.bal = next;
    return [next, true];
  }

  /**
   * close closes the account, records the payout and returns [payout, true].
   * Closing a closed account changes nothing and returns [0, false].
   */
  async close(): Promise<[number, boolean]> {
    // TODO: record { kind: "close", amount: -payout, balance: 0 }, then close.
    return [0, false];
  }
}
