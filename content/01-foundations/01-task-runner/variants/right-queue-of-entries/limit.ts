/** A unit of async work: calling it starts the work. */
export type Task<T> = () => Promise<T>;

/**
 * runAll runs every task with at most `limit` in flight at once, starting
 * them in input order, and resolves with their results in input order. It
 * rejects with the first error and then starts no new task.
 */
export async function runAll<T>(tasks: Task<T>[], limit: number): Promise<T[]> {
  const results: T[] = [];
  const queue = [...tasks.entries()];
  const worker = async () => {
    for (let job = queue.shift(); job; job = queue.shift()) {
      const [index, task] = job;
      try {
        results[index] = await task();
      } catch (err) {
        queue.length = 0; // nobody takes another task
        throw err;
      }
    }
  };
  const workers: Promise<void>[] = [];
  for (let w = 0; w < limit; w++) workers.push(worker());
  await Promise.all(workers);
  return results;
}
