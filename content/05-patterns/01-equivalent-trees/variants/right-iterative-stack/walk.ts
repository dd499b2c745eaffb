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
  // An explicit stack of the nodes whose left side is done and value is not.
  const stack: Tree[] = [];
  let n = t;
  try {
    while (n !== null || stack.length > 0) {
      while (n !== null) {
        stack.push(n);
        n = n.left;
      }
      const top = stack.pop()!;
      const stopped = await select(
        done.recvCase(() => true),
        ch.sendCase(top.value, () => false),
      );
      if (stopped) return;
      n = top.right;
    }
  } finally {
    ch.close();
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
    for await (const v1 of ch1) {
      const [v2, ok2] = await ch2.recvOk();
      if (!ok2 || v1 !== v2) return false;
    }
    const [, more] = await ch2.recvOk();
    return !more; // equal only if the second tree ended too
  } finally {
    done.close(); // Go: defer close(done); wakes a walker blocked on its send
  }
}
