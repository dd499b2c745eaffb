import { go, makeChan } from "go";
import * as context from "go/context";
import type { Context } from "go/context";

/** A Fetch downloads one URL. */
export type Fetch = (ctx: Context, url: string) => Promise<[string, Error | null]>;

interface Result {
  i: number;
  page: string;
  err: Error | null;
}

/** fetchAll fetches every URL, at most limit at a time. */
export async function fetchAll(
  ctx: Context,
  urls: string[],
  limit: number,
  fetch: Fetch,
): Promise<[string[] | null, Error | null]> {
  const [cctx, cancel] = context.withCancel(ctx);
  const jobs = makeChan<number>(urls.length);
  for (let i = 0; i < urls.length; i++) await jobs.send(i);
  jobs.close();
  const results = makeChan<Result>(); // unbuffered
  for (let w = 0; w < limit; w++) {
    go(async () => {
      for await (const i of jobs) {
        const [page, err] = await fetch(cctx, urls[i]!);
        await results.send({ i, page, err });
      }
    });
  }
  const pages: string[] = new Array<string>(urls.length).fill("");
  try {
    for (let n = 0; n < urls.length; n++) {
      const r = (await results.recv())!;
      if (r.err) return [null, r.err];
      pages[r.i] = r.page;
    }
    return [pages, null];
  } finally {
    cancel();
  }
}
