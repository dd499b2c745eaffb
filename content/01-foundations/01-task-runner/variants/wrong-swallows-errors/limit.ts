/** A unit of async work: calling it starts the work. */
export type Task<T> = () => Promise<T>;

/** runAll runs the tasks with a pool of `limit` workers. */
export async function runAll<T>(tasks: Task<T>[], limit: number): Promise<T[]> {
  const results = new Array<T>(tasks.length);
  let next = 0;
  async function worker(): Promise<void> {
    while (next < tasks.length) {
      const index = next++;
      try {
        results[index] = await tasks[index]!();
      } catch (err) {
        console.error(`task ${index} failed:`, err);
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, () => worker()));
  return results;
}
