import { go, makeChan } from "go";
import { WaitGroup } from "go/sync";

/** Fetches one page by id. */
export type Fetch = (id: number) => Promise<string>;

/**
 * fetchAll fetches every id, all at the same time, and returns the pages in
 * the same order as ids.
 */
export async function fetchAll(ids: number[], fetch: Fetch): Promise<string[]> {
  // TODO: start one goroutine per id and wait for all of them with a WaitGroup.
  const pages: string[] = [];
  for (const id of ids) {
    pages.push(await fetch(id));
  }
  return pages;
}

/**
 * fetchAllLimited fetches every id using exactly `workers` goroutines that
 * take ids from a jobs channel, and returns the pages in the order of ids.
 */
export async function fetchAllLimited(ids: number[], fetch: Fetch, workers: number): Promise<string[]> {
  // TODO: a worker pool: a jobs channel, `workers` goroutines ranging over it.
  return fetchAll(ids, fetch);
}
