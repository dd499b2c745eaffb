import { describe, it, expect } from "vitest";
import { WaitGroup } from "go/sync";
import * as synctest from "go/testing/synctest";
import * as time from "go/time";
import { Account } from "./account";
import type { Entry, Ledger } from "./ledger";

/** Schedules tried per explore: enough to catch every variant in variants/, few enough to keep a Run quick. */
const SEEDS = { seeds: 30 };

/**
 * A ledger in virtual time that checks what the bank requires: one entry at
 * a time, each balance the previous one plus its amount, never below zero,
 * nothing after the close. Writes take 1, 2 or 3ms in turn (uneven).
 */
class FakeLedger implements Ledger {
  readonly entries: Entry[] = [];
  readonly problems: string[] = [];
  private writing = 0;
  private calls = 0;

  async record(entry: Entry): Promise<void> {
    const e = { ...entry };
    if (this.writing > 0) this.problems.push(`${show(e)} was sent while another entry was still being written`);
    this.writing++;
    await time.sleep((1 + (this.calls++ % 3)) * time.Millisecond);
    this.writing--;
    const prev = this.entries.at(-1);
    if (prev?.kind === "close") this.problems.push(`${show(e)} was recorded after the account was closed`);
    const before = prev?.balance ?? 0;
    if (before + e.amount !== e.balance)
      this.problems.push(
        `${show(e)} follows a balance of ${before}: entries arrived out of order or from a stale balance`,
      );
    if (e.balance < 0) this.problems.push(`${show(e)} takes the balance below zero`);
    this.entries.push(e);
  }

  /** The sum of every amount recorded: what the bank holds for the account. */
  get held(): number {
    return this.entries.reduce((sum, e) => sum + e.amount, 0);
  }
}

const show = (v: unknown) => JSON.stringify(v);

/** Opens an account that must open. */
async function mustOpen(ledger: Ledger, initial: number): Promise<Account> {
  const acct = await Account.open(ledger, initial);
  expect(acct, `open(${initial}) returned null; a non-negative initial deposit opens an account`).not.toBeNull();
  return acct!;
}

/** Runs every fn in its own goroutine and waits for all of them; returns their results in order. */
async function all<T>(fns: (() => Promise<T>)[]): Promise<T[]> {
  const out = new Array<T>(fns.length);
  const wg = new WaitGroup();
  fns.forEach((fn, i) =>
    wg.go(async () => {
      out[i] = await fn();
    }),
  );
  await wg.wait();
  return out;
}

function expectLedgerClean(ledger: FakeLedger): void {
  expect(
    ledger.problems,
    `the ledger saw ${ledger.problems.length} problem(s) (seed ${synctest.seed()}), listed below`,
  ).toEqual([]);
}

describe("Task 1: open, balance and close", () => {
  it("opens with the initial deposit and records it", async () => {
    await synctest.run(async () => {
      const ledger = new FakeLedger();
      const acct = await mustOpen(ledger, 100);
      expect(await acct.balance(), "a new account holds its initial deposit").toEqual([100, true]);
      expect(ledger.entries, "opening records one entry").toEqual([{ kind: "open", amount: 100, balance: 100 }]);
      expect(await mustOpen(new FakeLedger(), 0).then((a) => a.balance()), "an account may open empty").toEqual([
        0,
        true,
      ]);
    });
  });

  it("refuses a negative initial deposit", async () => {
    await synctest.run(async () => {
      const ledger = new FakeLedger();
      expect(await Account.open(ledger, -10), "open(-10) must return null: no account starts in debt").toBeNull();
      expect(ledger.entries, "a refused account records nothing").toEqual([]);
    });
  });

  it("close pays out the balance and records it", async () => {
    await synctest.run(async () => {
      const ledger = new FakeLedger();
      const acct = await mustOpen(ledger, 100);
      expect(await acct.close(), "close returns the payout and true").toEqual([100, true]);
      expect(ledger.entries.at(-1), "close records minus the payout and a balance of 0").toEqual({
        kind: "close",
        amount: -100,
        balance: 0,
      });
    });
  });

  it("every operation on a closed account fails, and close is idempotent", async () => {
    await synctest.run(async () => {
      const ledger = new FakeLedger();
      const acct = await mustOpen(ledger, 100);
      await acct.close();
      expect(await acct.balance(), "a closed account has no balance: [0, false]").toEqual([0, false]);
      expect(await acct.deposit(10), "a deposit into a closed account fails: [0, false]").toEqual([0, false]);
      expect(await acct.deposit(-10), "a withdrawal from a closed account fails: [0, false]").toEqual([0, false]);
      expect(await acct.close(), "closing again pays nothing: [0, false]").toEqual([0, false]);
      expect(ledger.entries.length, `${show(ledger.entries)}: only the open and the one close are recorded`).toBe(2);
    });
  });
});

describe("Task 2: deposits and withdrawals", () => {
  it("a deposit returns the new balance and is recorded", async () => {
    await synctest.run(async () => {
      const ledger = new FakeLedger();
      const acct = await mustOpen(ledger, 0);
      expect(await acct.deposit(25), "deposit(25) on 0 returns [25, true]").toEqual([25, true]);
      expect(await acct.deposit(-10), "deposit(-10) withdraws: [15, true]").toEqual([15, true]);
      expect(await acct.balance(), "the balance after +25 and -10").toEqual([15, true]);
      expect(ledger.entries.slice(1), "each change is one ledger entry").toEqual([
        { kind: "deposit", amount: 25, balance: 25 },
        { kind: "deposit", amount: -10, balance: 15 },
      ]);
      expectLedgerClean(ledger);
    });
  });

  it("a withdrawal may empty the account but not overdraw it", async () => {
    await synctest.run(async () => {
      const ledger = new FakeLedger();
      const acct = await mustOpen(ledger, 50);
      expect(await acct.deposit(-60), "withdrawing 60 from 50 fails: [0, false]").toEqual([0, false]);
      expect(await acct.balance(), "a refused withdrawal leaves the balance alone").toEqual([50, true]);
      expect(ledger.entries.length, "a refused withdrawal records nothing").toBe(1);
      expect(await acct.deposit(-50), "withdrawing exactly the balance is allowed").toEqual([0, true]);
      expect(await acct.deposit(5), "after a refusal the account still works (was the lock released?)").toEqual([
        5,
        true,
      ]);
    });
  });
});

describe("Task 3: concurrent deposits and withdrawals", () => {
  it("keeps every deposit under every schedule", async () => {
    await synctest.explore(async () => {
      const ledger = new FakeLedger();
      const acct = await mustOpen(ledger, 0);
      const results = await all(Array.from({ length: 10 }, () => () => acct.deposit(10)));
      const ok = results.filter(([, ok]) => ok).length;
      expect(ok, `${ok} of 10 deposits succeeded (seed ${synctest.seed()})`).toBe(10);
      const [bal] = await acct.balance();
      expect(bal, `10 deposits of 10 left a balance of ${bal} (seed ${synctest.seed()}): an update was lost`).toBe(100);
      expectLedgerClean(ledger);
    }, SEEDS);
  });

  it("never overdraws: exactly 3 of 5 withdrawals of 30 from 100 succeed", async () => {
    await synctest.explore(async () => {
      const ledger = new FakeLedger();
      const acct = await mustOpen(ledger, 100);
      const results = await all(Array.from({ length: 5 }, () => () => acct.deposit(-30)));
      const ok = results.filter(([, ok]) => ok).length;
      expect(
        ok,
        `${ok} withdrawals of 30 succeeded from 100 (seed ${synctest.seed()}): the check and the update must happen under one lock`,
      ).toBe(3);
      expect(await acct.balance(), `the balance after 3 withdrawals of 30 (seed ${synctest.seed()})`).toEqual([
        10,
        true,
      ]);
      expectLedgerClean(ledger);
    }, SEEDS);
  });

  it("mixed deposits and withdrawals: the balance is exactly what the ledger holds", async () => {
    await synctest.explore(async () => {
      const ledger = new FakeLedger();
      const acct = await mustOpen(ledger, 20);
      const amounts = [50, -40, 10, -70, 30, -20, -20, 60, -90, 5];
      const results = await all(amounts.map((a) => () => acct.deposit(a)));
      const moved = amounts.reduce((sum, a, i) => (results[i]![1] ? sum + a : sum), 0);
      const [bal] = await acct.balance();
      expect(bal, `balance ${bal}; 20 plus the successful amounts is ${20 + moved} (seed ${synctest.seed()})`).toBe(
        20 + moved,
      );
      expect(ledger.held, `the ledger holds ${ledger.held} but the account ${bal} (seed ${synctest.seed()})`).toBe(bal);
      for (const [i, [b, ok]] of results.entries())
        if (ok) expect(b, `deposit(${amounts[i]}) returned a negative balance ${b}`).toBeGreaterThanOrEqual(0);
      expectLedgerClean(ledger);
    }, SEEDS);
  });
});

describe("Task 4: closing while others use the account", () => {
  it("a close racing deposits pays out exactly the deposits that came before it", async () => {
    await synctest.explore(async () => {
      const ledger = new FakeLedger();
      const acct = await mustOpen(ledger, 100);
      const deposits = Array.from({ length: 8 }, () => () => acct.deposit(10));
      const results = await all([...deposits.slice(0, 4), () => acct.close(), ...deposits.slice(4)]);
      const [payout, closed] = results[4]!;
      expect(closed, `the only close returned ${show(results[4])} (seed ${synctest.seed()})`).toBe(true);
      const ok = results.filter(([, ok], i) => ok && i !== 4).length;
      const recorded = ledger.entries.filter((e) => e.kind === "deposit").length;
      expect(
        recorded,
        `${ok} deposits reported success but ${recorded} reached the ledger (seed ${synctest.seed()})`,
      ).toBe(ok);
      expect(
        payout,
        `close paid ${payout}; 100 plus the ${ok} deposits that succeeded is ${100 + 10 * ok} (seed ${synctest.seed()}): money was lost or invented`,
      ).toBe(100 + 10 * ok);
      expect(ledger.held, `after the close the ledger still holds ${ledger.held} (seed ${synctest.seed()})`).toBe(0);
      expect(await acct.deposit(10), "a deposit after close fails").toEqual([0, false]);
      expectLedgerClean(ledger);
    }, SEEDS);
  });

  it("concurrent closes pay out once", async () => {
    await synctest.explore(async () => {
      const ledger = new FakeLedger();
      const acct = await mustOpen(ledger, 70);
      const results = await all(Array.from({ length: 4 }, () => () => acct.close()));
      const winners = results.filter(([, ok]) => ok);
      expect(winners, `closes returned ${show(results)} (seed ${synctest.seed()}): exactly one pays out 70`).toEqual([
        [70, true],
      ]);
      const closes = ledger.entries.filter((e) => e.kind === "close").length;
      expect(closes, `${closes} close entries in the ledger (seed ${synctest.seed()})`).toBe(1);
      expect(await acct.balance(), "after close: [0, false]").toEqual([0, false]);
      expectLedgerClean(ledger);
    }, SEEDS);
  });

  it("operations already waiting for the lock fail once close wins it", async () => {
    await synctest.run(async () => {
      const ledger = new FakeLedger();
      const acct = await mustOpen(ledger, 10);
      let late: [number, boolean] = [-1, false];
      // The close starts first; the deposit arrives while close writes to the ledger.
      const wg = new WaitGroup();
      wg.go(() => acct.close());
      wg.go(async () => {
        await time.sleep(500 * time.Microsecond);
        late = await acct.deposit(10);
      });
      await wg.wait();
      expect(late, "a deposit that arrived during the close must fail: check closed after taking the lock").toEqual([
        0,
        false,
      ]);
      expectLedgerClean(ledger);
    });
  });
});
