/** A unit of async work: calling it starts the work. */
export type Task<T> = () => Promise<T>;

/**
 * runAll runs every task with at most `limit` in flight at once, starting
 * them in input order, and resolves with their results in input order. It
 * rejects with the first error and then starts no new task.
 */
export async function runAll<T>(tasks: Task<T>[], limit: number): Promise<T[]> {
  // TODO: respect `limit`. This version starts everything at once.
  return Promise.all(tasks.map((task) => task()));
}
