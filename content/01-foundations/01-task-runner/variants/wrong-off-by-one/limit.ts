/** A unit of async work: calling it starts the work. */
export type Task<T> = () => Promise<T>;

/** runAll runs the tasks, counting how many run at once. */
export function runAll<T>(tasks: Task<T>[], limit: number): Promise<T[]> {
  return new Promise((resolve, reject) => {
    const results = new Array<T>(tasks.length);
    let next = 0;
    let running = 0;
    let done = 0;
    if (tasks.length === 0) return resolve(results);
    const launch = () => {
      while (running <= limit && next < tasks.length) {
        const index = next++;
        running++;
        tasks[index]!().then((value) => {
          results[index] = value;
          running--;
          done++;
          if (done === tasks.length) resolve(results);
          else launch();
        }, reject);
      }
    };
    launch();
  });
}
