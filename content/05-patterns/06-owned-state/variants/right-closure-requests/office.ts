import { go, makeChan, select } from "go";
import type { Context } from "go/context";

/** ErrSoldOut is returned by book when fewer seats are left than asked for. */
export const ErrSoldOut = new Error("box office: not enough seats");

/** ErrClosed is returned by every call made after stop. */
export const ErrClosed = new Error("box office: closed");

/** A Save writes the number of seats left to the journal; the change is durable when it returns. */
export type Save = (available: number) => Promise<void>;

/** The state only the owner touches. */
interface State {
  seats: number;
  save: Save;
}

/** An operation the owner runs on its state, one at a time. */
type Op = (s: State) => Promise<void>;

/** A BoxOffice sells seats; one goroutine owns the count and runs every operation on it. */
export class BoxOffice {
  private readonly ops = makeChan<Op>();
  private readonly quit = makeChan<void>();
  private readonly exited = makeChan<void>();

  /** @internal Use newBoxOffice. */
  constructor(seats: number, save: Save) {
    const state: State = { seats, save };
    go(async () => {
      for (;;) {
        const op = await select(
          this.ops.recvCase((o) => o ?? null),
          this.quit.recvCase(() => null),
        );
        if (op === null) break;
        await op(state);
      }
      this.exited.close();
    });
  }

  /** run hands op to the owner and returns what it replies, or why not. */
  private async run<T>(ctx: Context, op: (s: State) => Promise<T>, failed: (err: Error) => T): Promise<T> {
    const reply = makeChan<T>(1);
    const err = await select(
      this.ops.sendCase(
        async (s) => {
          await reply.send(await op(s));
        },
        () => null,
      ),
      this.quit.recvCase(() => ErrClosed),
      ctx.done().recvCase(() => ctx.err()),
    );
    if (err) return failed(err);
    return select(
      reply.recvCase((v) => v as T),
      ctx.done().recvCase(() => failed(ctx.err()!)),
    );
  }

  /** book sells n seats once they are saved. */
  book(ctx: Context, n: number): Promise<Error | null> {
    return this.run<Error | null>(
      ctx,
      async (s) => {
        if (n > s.seats) return ErrSoldOut;
        s.seats -= n;
        await s.save(s.seats);
        return null;
      },
      (err) => err,
    );
  }

  /** available returns the number of seats left. */
  available(ctx: Context): Promise<[number, Error | null]> {
    return this.run<[number, Error | null]>(
      ctx,
      async (s) => [s.seats, null],
      (err) => [0, err],
    );
  }

  /** stop ends the owner and waits for it. */
  async stop(): Promise<void> {
    this.quit.close();
    await this.exited.recv();
  }
}

/** newBoxOffice starts the goroutine that owns seats and returns the office. */
export function newBoxOffice(seats: number, save: Save): BoxOffice {
  return new BoxOffice(seats, save);
}
