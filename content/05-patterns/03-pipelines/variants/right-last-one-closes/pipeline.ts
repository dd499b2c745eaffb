import { go, makeChan, select } from "go";
import type { RecvChan } from "go";
import type { Context } from "go/context";

/**
 * generate sends values, in order, on the channel it returns, then closes
 * it. It stops early, and still closes the channel, once ctx is done.
 */
export function generate<T>(ctx: Context, values: readonly T[]): RecvChan<T> {
  const out = makeChan<T>();
  go(async () => {
    try {
      for (const v of values) {
        // Every send also watches ctx: a consumer that has gone away
        // never receives, and a plain send would block forever.
        const sent = await select(
          out.sendCase(v, () => true),
          ctx.done().recvCase(() => false),
        );
        if (!sent) return;
      }
    } finally {
      out.close(); // the sender closes, once, however it stops
    }
  }, "generate");
  return out;
}

/**
 * stage sends f(v) for every value v received from input, in order, on the
 * channel it returns. It closes that channel when input is closed or when
 * ctx is done, whichever comes first.
 */
export function stage<T, R>(ctx: Context, input: RecvChan<T>, f: (v: T) => Promise<R>): RecvChan<R> {
  const out = makeChan<R>();
  go(async () => {
    try {
      for await (const v of input) {
        const r = await f(v as T);
        const sent = await select(
          out.sendCase(r, () => true),
          ctx.done().recvCase(() => false),
        );
        if (!sent) return;
      }
    } finally {
      out.close();
    }
  }, "stage");
  return out;
}

/**
 * merge sends every value received from inputs on the channel it returns
 * (fan-in), and closes it exactly once: after every input is closed, or ctx
 * is done, and every goroutine of merge has stopped sending.
 */
export function merge<T>(ctx: Context, ...inputs: RecvChan<T>[]): RecvChan<T> {
  const out = makeChan<T>();
  // The last forwarder to finish closes out: a count instead of a WaitGroup.
  let running = inputs.length;
  if (running === 0) out.close();
  for (const input of inputs) {
    go(async () => {
      try {
        for await (const v of input) {
          const sent = await select(
            out.sendCase(v as T, () => true),
            ctx.done().recvCase(() => false),
          );
          if (!sent) return;
        }
      } finally {
        if (--running === 0) out.close(); // no await between the decrement and the test
      }
    }, "merge");
  }
  return out;
}

/**
 * fanOut runs f on the values of input with `workers` goroutines at once
 * (fan-out) and sends the results, in whatever order they finish, on the
 * channel it returns, closed once every worker has stopped.
 */
export function fanOut<T, R>(ctx: Context, input: RecvChan<T>, f: (v: T) => Promise<R>, workers: number): RecvChan<R> {
  const outs: RecvChan<R>[] = [];
  for (let i = 0; i < workers; i++) outs.push(stage(ctx, input, f)); // all read the same input
  return merge(ctx, ...outs);
}
