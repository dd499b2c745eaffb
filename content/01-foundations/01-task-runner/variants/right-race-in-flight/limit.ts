/** A unit of async work: calling it starts the work. */
export type Task<T> = () => Promise<T>;

/**
 * runAll runs every task with at most `limit` in flight at once, starting
 * them in input order, and resolves with their results in input order. It
 * rejects with the first error and then starts no new task.
 */
export async function runAll<T>(tasks: Task<T>[], limit: number): Promise<T[]> {
  const results = new Array<T>(tasks.length);
  const inFlight = new Set<Promise<void>>();
  for (const [index, task] of tasks.entries()) {
    if (inFlight.size >= limit) await Promise.race(inFlight); // rejects on the first error
    const p: Promise<void> = task().then((value) => {
      results[index] = value;
      inFlight.delete(p);
    });
    inFlight.add(p);
  }
  await Promise.all(inFlight);
  return results;
}
