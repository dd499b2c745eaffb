import { defaultCase, go, makeChan, select } from "go";
import type { Chan } from "go";
import { WaitGroup } from "go/sync";
import * as context from "go/context";
import type { CancelFunc, Context } from "go/context";

/** ErrClosed is returned by submit once shutdown has begun. */
export const ErrClosed = new Error("pool: shutting down");
/** ErrQueueFull is returned by submit when the queue has no room. */
export const ErrQueueFull = new Error("pool: queue full");

/** A Job is a unit of work; run should return soon after ctx ends. */
export interface Job {
  id: string;
  run(ctx: Context): Promise<Error | null>;
}

/** A ShutdownReport says how a shutdown went. */
export interface ShutdownReport {
  /** Jobs accepted but not finished: never started, or cancelled at the deadline (any order). */
  dropped: string[];
  /** null if every job finished in time, else the ctx error of the deadline. */
  err: Error | null;
}

/** A Pool runs submitted jobs on a fixed number of worker goroutines. */
export class Pool {
  private queue: Chan<Job>;
  private wg = new WaitGroup();
  // Jobs run on this context: cancelling it is the hard stop.
  private work: Context;
  private stopWork: CancelFunc;
  private closed = false;
  private dropped: string[] = [];

  /** Starts workers goroutines that share a queue of queueSize jobs. */
  constructor(workers: number, queueSize: number) {
    this.queue = makeChan<Job>(queueSize);
    [this.work, this.stopWork] = context.withCancel(context.background());
    for (let i = 0; i < workers; i++) {
      this.wg.add(1);
      go(() => this.worker(), `worker-${i + 1}`);
    }
  }

  /** submit queues job without waiting: ErrClosed after shutdown began, ErrQueueFull when full. */
  async submit(job: Job): Promise<Error | null> {
    // No await between the check and the send: shutdown cannot close the
    // queue in between, so this never sends on a closed channel.
    if (this.closed) return ErrClosed;
    return select(
      this.queue.sendCase(job, () => null),
      defaultCase(() => ErrQueueFull),
    );
  }

  private async worker(): Promise<void> {
    try {
      for await (const job of this.queue) {
        if (this.work.err() !== null) {
          this.dropped.push(job.id); // past the deadline: do not start it
          continue;
        }
        const err = await job.run(this.work);
        if (err !== null && this.work.err() !== null) this.dropped.push(job.id);
      }
    } finally {
      this.wg.done();
    }
  }

  /**
   * shutdown stops accepting jobs, lets the queued and running ones finish,
   * and returns once every worker has exited. If ctx ends first it cancels
   * the running jobs, drops the queued ones, and reports them with ctx.err().
   */
  async shutdown(ctx: Context): Promise<ShutdownReport> {
    this.closed = true;
    this.queue.close();
    this.stopWork(); // stop everything now
    const idle = makeChan<void>();
    go(async () => {
      await this.wg.wait();
      idle.close();
    }, "drain");
    const drained = await select(
      idle.recvCase(() => true),
      ctx.done().recvCase(() => false),
    );
    this.stopWork();
    if (drained) return { dropped: [], err: null };
    await idle.recv(); // the jobs honour the cancelled context and return
    return { dropped: [...this.dropped], err: ctx.err() };
  }
}
