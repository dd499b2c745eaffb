/** A unit of async work: calling it starts the work. */
export type Task<T> = () => Promise<T>;

/**
 * runAll runs every task with at most `limit` in flight at once and resolves
 * with their results in input order. It rejects with the first error.
 */
export async function runAll<T>(tasks: Task<T>[], limit: number): Promise<T[]> {
  if (limit < 1) throw new RangeError("limit must be at least 1");
  const results = new Array<T>(tasks.length);
  let next = 0;
  async function worker(): Promise<void> {
    while (next < tasks.length) {
      const index = next++;
      results[index] = await tasks[index]!();
    }
  }
  const workers = Array.from({ length: Math.min(limit, tasks.length) }, () => worker());
  await Promise.all(workers);
  return results;
}
