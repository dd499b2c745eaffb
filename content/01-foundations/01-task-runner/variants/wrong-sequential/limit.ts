/** A unit of async work: calling it starts the work. */
export type Task<T> = () => Promise<T>;

/** runAll runs the tasks one after another. */
export async function runAll<T>(tasks: Task<T>[], limit: number): Promise<T[]> {
  void limit;
  const results: T[] = [];
  for (const task of tasks) results.push(await task());
  return results;
}
