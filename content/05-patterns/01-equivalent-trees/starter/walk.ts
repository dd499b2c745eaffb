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
  // TODO: visit the left subtree, send t.value, visit the right subtree.
  // Send with select(ch.sendCase(...), done.recvCase(...)) so a closed done
  // stops the walk, and close ch exactly once, when the whole walk is over.
  ch.close();
}

/**
 * same reports whether t1 and t2 hold the same values (Go: Same(t1, t2)).
 * It walks both trees at once, stops at the first difference, and stops both
 * walks before it returns.
 */
export async function same(t1: Tree | null, t2: Tree | null): Promise<boolean> {
  // TODO: start walk(t1, ...) and walk(t2, ...) in goroutines, compare their
  // values pair by pair with recvOk(), and close a done channel when you
  // return, whatever you return.
  return false;
}
