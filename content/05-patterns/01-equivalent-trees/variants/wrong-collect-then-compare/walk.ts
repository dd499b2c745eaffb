import { go, makeChan, nilChan, select } from "go";
import type { RecvChan, SendChan } from "go";
import type { Tree } from "./tree";

/**
 * walk sends the values of t on ch in ascending order, then closes ch
 * (Go: Walk(t, ch)). When done is closed, walk stops at its next send,
 * closes ch and returns. Without done (a nil channel, which is never ready)
 * it always walks the whole tree.
 */
export async function walk(t: Tree | null, ch: SendChan<number>, done: RecvChan<void> = nilChan()): Promise<void> {
  // In order: left subtree, the node, right subtree. Returns false once done
  // is closed, so every level of the recursion stops.
  const visit = async (t: Tree | null): Promise<boolean> => {
    if (t === null) return true;
    if (!(await visit(t.left))) return false;
    const sent = await select(
      ch.sendCase(t.value, () => true),
      done.recvCase(() => false),
    );
    return sent && visit(t.right);
  };
  try {
    await visit(t);
  } finally {
    ch.close(); // once, here: not in visit, which runs at every node
  }
}

/**
 * same reports whether t1 and t2 hold the same values (Go: Same(t1, t2)).
 * It walks both trees at once, stops at the first difference, and stops both
 * walks before it returns.
 */
export async function same(t1: Tree | null, t2: Tree | null): Promise<boolean> {
  const collect = async (t: Tree | null) => {
    const ch = makeChan<number>();
    go(() => walk(t, ch));
    const values: number[] = [];
    for await (const v of ch) values.push(v!);
    return values;
  };
  const a = await collect(t1);
  const b = await collect(t2);
  return a.length === b.length && a.every((v, i) => v === b[i]);
}
