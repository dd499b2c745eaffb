/**
 * A Store holds the cached entries once they are loaded. It is not safe for
 * concurrent use the way a Go map is not: any number of reads may run at
 * once, but a write must run alone, with no read and no other write. Its
 * methods take time (the tests' store stands in for the work a Go reader or
 * writer does while it holds the lock), so they are awaited.
 */
export interface Store {
  read(key: string): Promise<string | undefined>;
  write(key: string, value: string): Promise<void>;
}

/**
 * Open loads the store: slow, and it may fail (Go: func() (*Store, error)).
 * It returns [store, null], or [null, err] when loading failed. It may also
 * panic, as Go code does on a corrupt snapshot.
 */
export type Open = () => Promise<[Store | null, Error | null]>;
