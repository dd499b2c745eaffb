/** A unit of async work: calling it starts the work. */
export type Task<T> = () => Promise<T>;

/** runAll runs the tasks in batches of `limit`. */
export async function runAll<T>(tasks: Task<T>[], limit: number): Promise<T[]> {
  const results: T[] = [];
  for (let i = 0; i < tasks.length; i += limit) {
    const batch = tasks.slice(i, i + limit);
    results.push(...(await Promise.all(batch.map((task) => task()))));
  }
  return results;
}
