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
  // TODO: start one goroutine per id and wait for all of them with a WaitGroup.
  // This version is correct, but fetches one page at a time.
  const pages: string[] = [];
  const errs: (Error | null)[] = [];
  for (const id of ids) {
    const [page, err] = await fetch(id);
    pages.push(page);
    errs.push(err);
  }
  return [pages, firstError(errs)];
}

/**
 * fetchAllLimited does what fetchAll does with a fixed pool of `workers`
 * goroutines that take indexes from a jobs channel: never more than `workers`
 * fetches at once, and never more goroutines because there are more ids.
 */
export async function fetchAllLimited(ids: number[], fetch: Fetch, workers: number): Promise<[string[], Error | null]> {
  // TODO: a worker pool: a jobs channel, `workers` goroutines ranging over it.
  return fetchAll(ids, fetch);
}

/** firstError returns the first non-null error of errs, in order, or null. */
export function firstError(errs: (Error | null)[]): Error | null {
  return errs.find((err) => err !== null) ?? null;
}
