import { go, makeChan, select } from "go";
import type { Chan } from "go";
import { WaitGroup } from "go/sync";
import type { Context } from "go/context";

/** ErrSoldOut is returned by book when fewer seats are left than asked for. */
export const ErrSoldOut = new Error("box office: not enough seats");

/** ErrClosed is returned by every call made after stop. */
export const ErrClosed = new Error("box office: closed");

/** A Save writes the number of seats left to the journal; the change is durable when it returns. */
export type Save = (available: number) => Promise<void>;

interface Booking {
  n: number;
  resp: Chan<Error | null>;
}

/** A BoxOffice sells seats; one goroutine owns the count (Go by Example's stateful goroutine). */
export class BoxOffice {
  private readonly bookings = makeChan<Booking>();
  private readonly reads = makeChan<Chan<number>>();
  private readonly quit = makeChan<void>();
  private readonly wg = new WaitGroup();

  /** @internal Use newBoxOffice. */
  constructor(seats: number, save: Save) {
    this.wg.add(1);
    go(async () => {
      let open = true;
      while (open) {
        await select(
          this.bookings.recvCase(async (b) => {
            const { n, resp } = b!;
            if (n > seats) return resp.send(ErrSoldOut);
            seats -= n;
            await save(seats);
            await resp.send(null);
          }),
          this.reads.recvCase((resp) => resp!.send(seats)),
          this.quit.recvCase(() => {
            open = false;
          }),
        );
      }
      this.wg.done();
    });
  }

  /** book sells n seats once they are saved. */
  async book(ctx: Context, n: number): Promise<Error | null> {
    const resp = makeChan<Error | null>(1);
    const err = await select(
      this.bookings.sendCase({ n, resp }, () => null),
      this.quit.recvCase(() => ErrClosed),
      ctx.done().recvCase(() => ctx.err()),
    );
    if (err) return err;
    return select(
      resp.recvCase((e) => e ?? null),
      ctx.done().recvCase(() => ctx.err()),
    );
  }

  /** available returns the number of seats left. */
  async available(ctx: Context): Promise<[number, Error | null]> {
    const resp = makeChan<number>(1);
    const err = await select(
      this.reads.sendCase(resp, () => null),
      this.quit.recvCase(() => ErrClosed),
      ctx.done().recvCase(() => ctx.err()),
    );
    if (err) return [0, err];
    return select(
      resp.recvCase((v): [number, Error | null] => [v ?? 0, null]),
      ctx.done().recvCase((): [number, Error | null] => [0, ctx.err()]),
    );
  }

  /** stop ends the owner and waits for it. */
  async stop(): Promise<void> {
    this.quit.close();
    await this.wg.wait();
  }
}

/** newBoxOffice starts the goroutine that owns seats and returns the office. */
export function newBoxOffice(seats: number, save: Save): BoxOffice {
  return new BoxOffice(seats, save);
}
