import { go, makeChan } from "go";
import { WaitGroup } from "go/sync";

/** Fetch fetches one page by id: [page, null], or ["", err] when it fails. */
export type Fetch = (id: number) => Promise<[string, Error | null]>;

/**
 * fetchAll fetches every id, all at the same time, and waits for all of them.
 * It returns the pages in the order of ids and the error of the first id (in
 * the order of ids) whose fetch failed, or null. A failed fetch does not stop
 * the others.
 */
export async function fetchAll(ids: number[], fetch: Fetch): Promise<[string[], Error | null]> {
  const pages = new Array<string>(ids.length).fill("");
  const errs = new Array<Error | null>(ids.length).fill(null);
  const wg = new WaitGroup();
  ids.forEach((id, i) => {
    go(async () => {
      wg.add(1);
      try {
        const [page, err] = await fetch(id);
        if (err !== null) {
          errs[i] = err;
          return;
        }
        pages[i] = page;
      } finally {
        wg.done();
      }
    }, `fetch-${id}`);
  });
  await wg.wait();
  return [pages, firstError(errs)];
}

/**
 * fetchAllLimited does what fetchAll does with a fixed pool of `workers`
 * goroutines that take indexes from a jobs channel: never more than `workers`
 * fetches at once, and never more goroutines because there are more ids.
 */
export async function fetchAllLimited(ids: number[], fetch: Fetch, workers: number): Promise<[string[], Error | null]> {
  const pages = new Array<string>(ids.length).fill("");
  const errs = new Array<Error | null>(ids.length).fill(null);
  const jobs = makeChan<number>();
  const wg = new WaitGroup();
  for (let w = 0; w < workers; w++) {
    wg.go(async () => {
      for await (const i of jobs) {
        // A failed job is recorded, not a reason to stop: a worker that
        // returned here would leave the sender below blocked forever.
        [pages[i], errs[i]] = await fetch(ids[i]!);
      }
    }, `worker-${w}`);
  }
  for (let i = 0; i < ids.length; i++) await jobs.send(i);
  jobs.close(); // ends the workers' for-await loops
  await wg.wait();
  return [pages, firstError(errs)];
}

/** firstError returns the first non-null error of errs, in order, or null. */
export function firstError(errs: (Error | null)[]): Error | null {
  return errs.find((err) => err !== null) ?? null;
}
