// The link store: a stand-in for a database table reached through database/sql.
// You do not need to change this file.
import type { Context } from "go/context";
import * as errors from "go/errors";
import * as time from "go/time";
import type { Time } from "go/time";

/** A Link is one short link. */
export interface Link {
  code: string;
  url: string;
  owner: string;
  createdAt: Time;
  clicks: number;
}

/** ErrCodeTaken is returned by create when the code already exists (a unique-key violation). */
export const ErrCodeTaken = errors.newError("store: code already taken");

/** QueryTime is how long every store operation takes (a round trip to the database). */
export const QueryTime = 2 * time.Millisecond;

/**
 * MemoryStore keeps links in memory. Every operation takes QueryTime and
 * fails with ctx.err() if ctx is done by then. create is atomic: of two
 * creates of one code, exactly one succeeds (INSERT with a unique key).
 */
export class MemoryStore {
  private readonly links = new Map<string, Link>();
  /** How many get and create calls reached the store (the cache tests watch reads). */
  readonly calls = { reads: 0, writes: 0 };

  /** The store starts with the seed links, with no clicks. */
  constructor(seed: Omit<Link, "clicks">[] = []) {
    for (const l of seed) this.links.set(l.code, { ...l, clicks: 0 });
  }

  private async roundTrip(ctx: Context): Promise<void> {
    await time.sleep(QueryTime);
    const err = ctx.err();
    if (err !== null) throw err;
  }

  /** create inserts a link with no clicks; it returns ErrCodeTaken if the code exists. */
  async create(ctx: Context, link: Omit<Link, "clicks">): Promise<Error | null> {
    this.calls.writes++;
    await this.roundTrip(ctx);
    if (this.links.has(link.code)) return ErrCodeTaken;
    this.links.set(link.code, { ...link, clicks: 0 });
    return null;
  }

  /** get returns a copy of the link with this code, or null. */
  async get(ctx: Context, code: string): Promise<Link | null> {
    this.calls.reads++;
    await this.roundTrip(ctx);
    const l = this.links.get(code);
    return l ? { ...l } : null;
  }

  /** click adds one to the link's click count (UPDATE links SET clicks = clicks + 1). */
  async click(ctx: Context, code: string): Promise<void> {
    await this.roundTrip(ctx);
    const l = this.links.get(code);
    if (l) l.clicks++;
  }
}
