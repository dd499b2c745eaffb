/** A unit of async work: calling it starts the work. */
export type Task<T> = () => Promise<T>;

/** runAll runs the tasks in `limit` lanes, each lane one task at a time. */
export async function runAll<T>(tasks: Task<T>[], limit: number): Promise<T[]> {
  const results = new Array<T>(tasks.length);
  async function lane(first: number): Promise<void> {
    for (let i = first; i < tasks.length; i += limit) results[i] = await tasks[i]!();
  }
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, (_, w) => lane(w)));
  return results;
}
