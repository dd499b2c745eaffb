// The FIFO queue behind channel buffers, channel wait queues and sync's
// waiter lists, checked against a plain array: it reuses its array (restarts
// at the front when empty, compacts a backlog in place), which must never
// reorder, lose or resurrect an item.
import { describe, it, expect } from "vitest";
import { Queue } from "go/internal/chan";
import { mulberry32 } from "go/internal/eventloop";

describe("Queue", () => {
  it("behaves as an array under random push, shift, remove, clear and drain", () => {
    const rand = mulberry32(7);
    // Mismatches are collected (an expect per step would be slow); the first is reported.
    const bad: string[] = [];
    const check = (ok: boolean, what: string) => void (ok || bad.push(what));
    // Push-heavy, balanced and shift-heavy rounds: backlogs that grow, hover and empty.
    for (const pushBias of [0.7, 0.5, 0.35]) {
      for (let round = 0; round < 30; round++) {
        const q = new Queue<number>();
        const model: number[] = [];
        let next = 0;
        for (let step = 0; step < 2000; step++) {
          const x = rand();
          if (x < pushBias) {
            q.push(next);
            model.push(next++);
          } else if (x < 0.93) {
            const a = q.shift();
            const b = model.shift();
            check(a === b, `shift got ${a}, want ${b}`);
          } else if (x < 0.97) {
            if (model.length > 0) {
              const v = model[Math.floor(rand() * model.length)]!;
              q.remove(v);
              model.splice(model.indexOf(v), 1);
            }
          } else if (x < 0.985) {
            q.clear();
            model.length = 0;
          } else {
            const d = q.drain();
            check(d.length === model.length && d.every((v, i) => v === model[i]), `drain got ${d}, want ${model}`);
            model.length = 0;
          }
          check(q.length === model.length, `length ${q.length}, want ${model.length}`);
          check(q.peek() === model[0], `peek ${q.peek()}, want ${model[0]}`);
        }
      }
    }
    expect(bad.slice(0, 1)).toEqual([]);
  });

  it("keeps order across compaction of a long backlog", () => {
    const q = new Queue<number>();
    for (let i = 0; i < 300; i++) q.push(i);
    const out: number[] = [];
    for (let i = 0; i < 200; i++) {
      out.push(q.shift()!);
      q.push(300 + i);
    }
    while (q.length > 0) out.push(q.shift()!);
    expect(out).toEqual(Array.from({ length: 500 }, (_, i) => i));
    expect(q.shift()).toBeUndefined();
  });
});
