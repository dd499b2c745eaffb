import { go, makeChan, select } from "go";
import type { Chan } from "go";
import type { Context } from "go/context";

/** ErrSoldOut is returned by book when fewer seats are left than asked for. */
export const ErrSoldOut = new Error("box office: not enough seats");

/** ErrClosed is returned by every call made after stop. */
export const ErrClosed = new Error("box office: closed");

/** A Save writes the number of seats left to the journal; the change is durable when it returns. */
export type Save = (available: number) => Promise<void>;

/** A request to the goroutine that owns the seats. */
type Request =
  | { kind: "book"; n: number; reply: Chan<Error | null> }
  | { kind: "take"; n: number; reply: Chan<Error | null> }
  | { kind: "available"; reply: Chan<number> };

/**
 * A BoxOffice sells seats. One goroutine owns the count: every other
 * goroutine asks it through a channel, so no lock is needed.
 */
export class BoxOffice {
  private readonly requests = makeChan<Request>();
  private readonly quit = makeChan<void>();
  private readonly exited = makeChan<void>();

  /** @internal Use newBoxOffice. */
  constructor(seats: number, save: Save) {
    go(async () => {
      try {
        for (;;) {
          const req = await select(
            this.requests.recvCase((r) => r ?? null),
            this.quit.recvCase(() => null),
          );
          if (req === null) return;
          if (req.kind === "available") {
            await req.reply.send(seats); // buffered: never blocks
            continue;
          }
          if (req.kind === "book" && req.n > seats) {
            await req.reply.send(ErrSoldOut);
            continue;
          }
          seats -= req.n;
          await save(seats); // durable before anyone is told
          await req.reply.send(null);
        }
      } finally {
        this.exited.close();
      }
    }, "box office");
  }

  /** ask hands req to the owner, or returns why it could not. */
  private ask(ctx: Context, req: Request): Promise<Error | null> {
    return select(
      this.requests.sendCase(req, () => null),
      this.quit.recvCase(() => ErrClosed),
      ctx.done().recvCase(() => ctx.err()),
    );
  }

  /**
   * book sells n seats. It returns null once they are sold and saved,
   * ErrSoldOut if fewer are left, ctx.err() if ctx ends first (the booking
   * may still happen), or ErrClosed after stop.
   */
  async book(ctx: Context, n: number): Promise<Error | null> {
    // Room for the answer, so the owner never waits for a caller who left.
    const [left, err0] = await this.available(ctx);
    if (err0) return err0;
    if (n > left) return ErrSoldOut;
    const reply = makeChan<Error | null>(1);
    const err = await this.ask(ctx, { kind: "take", n, reply });
    if (err) return err;
    return select(
      reply.recvCase((e) => e ?? null),
      ctx.done().recvCase(() => ctx.err()),
    );
  }

  /** available returns the number of seats left, or an error as book does. */
  async available(ctx: Context): Promise<[number, Error | null]> {
    const reply = makeChan<number>(1);
    const err = await this.ask(ctx, { kind: "available", reply });
    if (err) return [0, err];
    return select(
      reply.recvCase((n): [number, Error | null] => [n ?? 0, null]),
      ctx.done().recvCase((): [number, Error | null] => [0, ctx.err()]),
    );
  }

  /** stop makes the owner return once it has finished the request in hand, and waits for it. Call it once. */
  async stop(): Promise<void> {
    this.quit.close();
    await this.exited.recv();
  }
}

/** newBoxOffice starts the goroutine that owns seats and returns the office. */
export function newBoxOffice(seats: number, save: Save): BoxOffice {
  return new BoxOffice(seats, save);
}
