import { go, makeChan } from "go";
import { WaitGroup } from "go/sync";

/** Fetches one page by id. */
export type Fetch = (id: number) => Promise<string>;

/**
 * fetchAll fetches every id, all at the same time, and returns the pages in
 * the same order as ids.
 */
export async function fetchAll(ids: number[], fetch: Fetch): Promise<string[]> {
  const pages = new Array<string>(ids.length);
  const wg = new WaitGroup();
  ids.forEach((id, i) => {
    wg.add(1);
    go(async () => {
      try {
        pages[i] = await fetch(id);
      } finally {
        wg.done();
      }
    }, `fetch-${id}`);
  });
  await wg.wait();
  return pages;
}

/**
 * fetchAllLimited fetches every id using exactly `workers` goroutines that
 * take ids from a jobs channel, and returns the pages in the order of ids.
 */
export async function fetchAllLimited(ids: number[], fetch: Fetch, workers: number): Promise<string[]> {
  const pages = new Array<string>(ids.length);
  const jobs = makeChan<number>();
  const wg = new WaitGroup();
  for (let w = 0; w < workers; w++) {
    wg.go(async () => {
      for await (const i of jobs) {
        pages[i] = await fetch(ids[i]!);
      }
    }, `worker-${w}`);
  }
  for (let i = 0; i < ids.length; i++) await jobs.send(i);
  jobs.close();
  await wg.wait();
  return pages;
}
