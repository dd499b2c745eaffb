/** A unit of async work: calling it starts the work. */
export type Task<T> = () => Promise<T>;

/**
 * runAll runs every task with at most `limit` in flight at once, starting
 * them in input order, and resolves with their results in input order. It
 * rejects with the first error and then starts no new task.
 */
export function runAll<T>(tasks: Task<T>[], limit: number): Promise<T[]> {
  return new Promise((resolve, reject) => {
    const results = new Array<T>(tasks.length);
    let next = 0;
    let finished = 0;
    let failed = false;
    const start = (): void => {
      if (failed || next >= tasks.length) return;
      const index = next++;
      tasks[index]!().then(
        (value) => {
          results[index] = value;
          if (++finished === tasks.length) resolve(results);
          else start();
        },
        (err: unknown) => {
          failed = true;
          reject(err);
        },
      );
    };
    if (tasks.length === 0) resolve(results);
    for (let i = 0; i < limit; i++) start();
  });
}
