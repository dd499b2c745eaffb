import { Mutex } from "go/sync";
import type { Context } from "go/context";

/** ErrSoldOut is returned by book when fewer seats are left than asked for. */
export const ErrSoldOut = new Error("box office: not enough seats");

/** ErrClosed is returned by every call made after stop. */
export const ErrClosed = new Error("box office: closed");

/** A Save writes the number of seats left to the journal; the change is durable when it returns. */
export type Save = (available: number) => Promise<void>;

/** A BoxOffice sells seats; a mutex guards the count. */
export class BoxOffice {
  private readonly mu = new Mutex();
  private closed = false;

  /** @internal Use newBoxOffice. */
  constructor(
    private seats: number,
    private readonly save: Save,
  ) {}

  /** book sells n seats. */
  async book(ctx: Context, n: number): Promise<Error | null> {
    if (ctx.err()) return ctx.err();
    await this.mu.lock();
    try {
      if (this.closed) return ErrClosed;
      if (n > this.seats) return ErrSoldOut;
      this.seats -= n;
      await this.save(this.seats);
      return null;
    } finally {
      this.mu.unlock();
    }
  }

  /** available returns the number of seats left. */
  async available(ctx: Context): Promise<[number, Error | null]> {
    if (ctx.err()) return [0, ctx.err()];
    await this.mu.lock();
    try {
      return this.closed ? [0, ErrClosed] : [this.seats, null];
    } finally {
      this.mu.unlock();
    }
  }

  /** stop closes the office. */
  async stop(): Promise<void> {
    await this.mu.lock();
    this.closed = true;
    this.mu.unlock();
  }
}

/** newBoxOffice returns an office with seats to sell. */
export function newBoxOffice(seats: number, save: Save): BoxOffice {
  return new BoxOffice(seats, save);
}
