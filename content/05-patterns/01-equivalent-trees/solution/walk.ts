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
  const done = makeChan<void>();
  const ch1 = makeChan<number>();
  const ch2 = makeChan<number>();
  go(() => walk(t1, ch1, done), "walk t1");
  go(() => walk(t2, ch2, done), "walk t2");
  try {
    for (;;) {
      const [v1, ok1] = await ch1.recvOk();
      const [v2, ok2] = await ch2.recvOk();
      if (ok1 !== ok2 || v1 !== v2) return false; // one tree ended first, or the values differ
      if (!ok1) return true; // both ended together
    }
  } finally {
    done.close(); // Go: defer close(done); wakes a walker blocked on its send
  }
}
