/** A unit of async work: calling it starts the work. */
export type Task<T> = () => Promise<T>;

/**
 * runAll runs every task with at most `limit` in flight at once, starting
 * them in input order, and resolves with their results in input order. It
 * rejects with the first error and then starts no new task.
 */
export async function runAll<T>(tasks: Task<T>[], limit: number): Promise<T[]> {
  if (limit < 1) throw new RangeError("limit must be at least 1");
  const results = new Array<T>(tasks.length);
  let next = 0;
  let failed = false;
  // Each worker takes the next index until none are left: a new task starts
  // the moment a worker's previous one finishes.
  async function worker(): Promise<void> {
    while (!failed && next < tasks.length) {
      const index = next++;
      try {
        results[index] = await tasks[index]!();
      } catch (err) {
        failed = true; // the other workers stop taking tasks
        throw err;
      }
    }
  }
  const workers = Array.from({ length: Math.min(limit, tasks.length) }, () => worker());
  await Promise.all(workers);
  return results;
}
