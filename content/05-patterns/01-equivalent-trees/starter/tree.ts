// Package tree: A Tour of Go's golang.org/x/tour/tree, in TypeScript.
//
//   Go                      TypeScript
//   *tree.Tree (nil)        Tree | null
//   tree.New(k)             tree.New(k)        (import * as tree from "./tree")
//   t.Left, t.Value         t.left, t.value
//
// One difference: Go's New shuffles with math/rand, so every run builds other
// shapes. Here the shuffle is seeded, so a failing test fails the same way
// on every Run.

/** A Tree is a binary tree with integer values (Go: tree.Tree). */
export class Tree {
  /** Left holds the values smaller than value. */
  left: Tree | null;
  /** The value at this node. */
  value: number;
  /** Right holds the values greater than or equal to value. */
  right: Tree | null;

  constructor(left: Tree | null, value: number, right: Tree | null) {
    this.left = left;
    this.value = value;
    this.right = right;
  }

  /** toString prints the tree as Go's String method does: "((1) 2 (3))". */
  toString(): string {
    let s = "";
    if (this.left) s += this.left.toString() + " ";
    s += String(this.value);
    if (this.right) s += " " + this.right.toString();
    return "(" + s + ")";
  }
}

/** insert adds v to the search tree t and returns the tree (t itself unless t is null). */
export function insert(t: Tree | null, v: number): Tree {
  if (t === null) return new Tree(null, v, null);
  if (v < t.value) t.left = insert(t.left, v);
  else t.right = insert(t.right, v);
  return t;
}

/** fromValues builds a search tree by inserting values in the order given (the first one is the root). */
export function fromValues(values: readonly number[]): Tree | null {
  let t: Tree | null = null;
  for (const v of values) t = insert(t, v);
  return t;
}

/** perm returns a permutation of 0..n-1 shuffled with a mulberry32 PRNG seeded with seed (Go: rand.Perm). */
export function perm(n: number, seed: number): number[] {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let x = s;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
  const p = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [p[i], p[j]] = [p[j]!, p[i]!];
  }
  return p;
}

/** The seed of the next New call without one: successive calls build different shapes, the same ones every Run. */
let nextSeed = 1;

/**
 * New returns a new, random binary search tree holding the values k, 2k, ...,
 * 10k (Go: tree.New(k)). The same seed builds the same shape; without one,
 * each call takes the next seed, so two calls usually build different shapes
 * holding the same values.
 */
export function New(k: number, seed: number = nextSeed++): Tree {
  let t: Tree | null = null;
  for (const v of perm(10, seed)) t = insert(t, (1 + v) * k);
  return t!;
}
