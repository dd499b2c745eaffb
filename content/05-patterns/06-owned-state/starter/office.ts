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
type Request = { kind: "book"; n: number; reply: Chan<Error | null> } | { kind: "available"; reply: Chan<number> };

/**
 * A BoxOffice sells seats. One goroutine owns the count: every other
 * goroutine asks it through a channel, so no lock is needed.
 */
export class BoxOffice {
  private readonly requests = makeChan<Request>();
  private readonly quit = makeChan<void>();
  private readonly exited = makeChan<void>();
  // TODO: the count must live in the owner goroutine, not in a field that
  // every caller reads and writes.
  private seats: number;

  /** @internal Use newBoxOffice. */
  constructor(
    seats: number,
    private readonly save: Save,
  ) {
    this.seats = seats;
    // TODO: start the owner goroutine: it receives requests (or quit) in a
    // select loop, serves each one completely (check, update, save, then
    // reply), and closes exited when it returns.
  }

  /**
   * book sells n seats. It returns null once they are sold and saved,
   * ErrSoldOut if fewer are left, ctx.err() if ctx ends first (the booking
   * may still happen), or ErrClosed after stop.
   */
  async book(ctx: Context, n: number): Promise<Error | null> {
    // TODO: send a "book" request with a buffered reply channel (select on
    // quit and ctx.done() too), then wait for the reply or ctx.done().
    if (n > this.seats) return ErrSoldOut;
    this.seats -= n;
    await this.save(this.seats);
    return null;
  }

  /** available returns the number of seats left, or an error as book does. */
  async available(ctx: Context): Promise<[number, Error | null]> {
    // TODO: ask the owner, as book does.
    return [this.seats, null];
  }

  /** stop makes the owner return once it has finished the request in hand, and waits for it. Call it once. */
  async stop(): Promise<void> {
    // TODO: close quit, then wait until the owner has exited.
  }
}

/** newBoxOffice starts the goroutine that owns seats and returns the office. */
export function newBoxOffice(seats: number, save: Save): BoxOffice {
  return new BoxOffice(seats, save);
}
