import { describe, it, expect } from "vitest";
import { go } from "go";
import * as synctest from "go/testing/synctest";
import * as time from "go/time";
import * as context from "go/context";
import { DB } from "./db";
import { Service } from "./service";
import type { Order } from "./service";

/** d in milliseconds, for messages. */
const ms = (d: time.Duration) => `${d / time.Millisecond}ms`;
const show = (v: unknown) => (v instanceof Error ? `Error(${JSON.stringify(v.message)})` : JSON.stringify(v));

/** Order 7 is an apple: reading the order takes 100ms, the stock 200ms. */
const newDB = () =>
  new DB({
    "order:7": ["apple", 100 * time.Millisecond],
    "stock:apple": ["12", 200 * time.Millisecond],
  });

describe("Task 1: Service passes each request's context down", () => {
  it("loads an order and its stock", async () => {
    await synctest.run(async () => {
      const svc = new Service(newDB());
      const start = time.now();
      const result = await svc.order(context.background(), "7");
      const took = time.since(start);
      expect(result, `got ${show(result)}`).toEqual([{ id: "7", item: "apple", stock: 12 }, null]);
      expect(took, `took ${ms(took)}; the two reads take 100 + 200 = 300ms`).toBe(300 * time.Millisecond);
    });
  });

  it("stops every read when the request's deadline passes", async () => {
    await synctest.run(async () => {
      const db = newDB();
      const svc = new Service(db);
      const [ctx, cancel] = context.withTimeout(context.background(), 150 * time.Millisecond);
      const start = time.now();
      const [order, err] = await svc.order(ctx, "7");
      const took = time.since(start);
      cancel();
      expect(
        err,
        `got ${show(err)}: the stock read ran on a context that is not the request's, so the 150ms deadline never reached it`,
      ).toBe(context.DeadlineExceeded);
      expect(order, "a failed request returns no order").toBe(null);
      expect(took, `returned after ${ms(took)}; the request's deadline is 150ms away`).toBe(150 * time.Millisecond);
    });
  });

  it("keeps concurrent requests apart, under 30 schedules", async () => {
    // A context kept in a field is shared by every request in flight: one
    // request's reads run on another's context.
    await synctest.explore(
      async () => {
        const svc = new Service(newDB());
        const results: Record<string, { result: [Order | null, Error | null]; took: time.Duration }> = {};
        const start = time.now();
        const [hurried, cancel] = context.withTimeout(context.background(), 150 * time.Millisecond);
        for (const [name, ctx] of [
          ["hurried", hurried],
          ["patient", context.background()],
        ] as const) {
          go(async () => {
            const result = await svc.order(ctx, "7");
            results[name] = { result, took: time.since(start) };
          }, name);
        }
        await time.sleep(time.Second);
        cancel();
        const s = synctest.seed();
        expect(results.hurried?.result, `seed ${s}: the hurried request (150ms deadline) must time out`).toEqual([
          null,
          context.DeadlineExceeded,
        ]);
        expect(results.hurried?.took, `seed ${s}: the hurried request must end at its deadline, 150ms`).toBe(
          150 * time.Millisecond,
        );
        expect(results.patient?.result, `seed ${s}: the patient request (no deadline) must get its order`).toEqual([
          { id: "7", item: "apple", stock: 12 },
          null,
        ]);
      },
      { seeds: 30 },
    );
  });
});
