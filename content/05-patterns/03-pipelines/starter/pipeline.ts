import { go, makeChan, select } from "go";
import type { RecvChan } from "go";
import { WaitGroup } from "go/sync";
import type { Context } from "go/context";

/**
 * generate sends values, in order, on the channel it returns, then closes
 * it. It stops early, and still closes the channel, once ctx is done.
 */
export function generate<T>(ctx: Context, values: readonly T[]): RecvChan<T> {
  // TODO: a goroutine that sends each value with select (out.sendCase vs
  // ctx.done().recvCase) and closes out in a finally.
  const out = makeChan<T>();
  return out;
}

/**
 * stage sends f(v) for every value v received from input, in order, on the
 * channel it returns. It closes that channel when input is closed or when
 * ctx is done, whichever comes first.
 */
export function stage<T, R>(ctx: Context, input: RecvChan<T>, f: (v: T) => Promise<R>): RecvChan<R> {
  // TODO: like generate, but the values come from ranging over input
  // (for await) and each one goes through f first.
  const out = makeChan<R>();
  return out;
}

/**
 * merge sends every value received from inputs on the channel it returns
 * (fan-in), and closes it exactly once: after every input is closed, or ctx
 * is done, and every goroutine of merge has stopped sending.
 */
export function merge<T>(ctx: Context, ...inputs: RecvChan<T>[]): RecvChan<T> {
  // TODO: one goroutine per input forwarding its values to out (select on
  // ctx.done() too), a WaitGroup counting them, and one goroutine that
  // closes out after wg.wait().
  const out = makeChan<T>();
  return out;
}

/**
 * fanOut runs f on the values of input with `workers` goroutines at once
 * (fan-out) and sends the results, in whatever order they finish, on the
 * channel it returns, closed once every worker has stopped.
 */
export function fanOut<T, R>(ctx: Context, input: RecvChan<T>, f: (v: T) => Promise<R>, workers: number): RecvChan<R> {
  // TODO: start `workers` stages that all read from input, and merge them.
  return stage(ctx, input, f);
}
