// sync.Map: a map safe for concurrent use, with Go's method set.

/**
 * Map is like a JavaScript Map safe for use by concurrent goroutines
 * (Go: sync.Map). Keys are compared as a JavaScript Map does (SameValueZero:
 * strings and numbers by value, objects by identity); values in
 * compareAndSwap and compareAndDelete with ===. No method blocks: one
 * goroutine runs at a time, so each call is atomic. Exported as Map from
 * "go/sync" (new sync.Map<string, number>()).
 */
export class SyncMap<K = unknown, V = unknown> {
  private m = new Map<K, V>();

  /**
   * load returns the value stored for key and whether it was present
   * (Go: m.Load(key)); [undefined, false] if absent.
   */
  load(key: K): [V | undefined, boolean] {
    return this.m.has(key) ? [this.m.get(key), true] : [undefined, false];
  }

  /** store sets the value for key (Go: m.Store(key, value)). */
  store(key: K, value: V): void {
    this.m.set(key, value);
  }

  /**
   * loadOrStore returns the existing value for key if present, with loaded
   * true; otherwise it stores value and returns it with loaded false
   * (Go: m.LoadOrStore(key, value)).
   */
  loadOrStore(key: K, value: V): [V, boolean] {
    if (this.m.has(key)) return [this.m.get(key) as V, true];
    this.m.set(key, value);
    return [value, false];
  }

  /**
   * loadAndDelete deletes the value for key, returning the previous value if
   * any and whether it was present (Go: m.LoadAndDelete(key)).
   */
  loadAndDelete(key: K): [V | undefined, boolean] {
    if (!this.m.has(key)) return [undefined, false];
    const v = this.m.get(key);
    this.m.delete(key);
    return [v, true];
  }

  /** delete deletes the value for key (Go: m.Delete(key)). */
  delete(key: K): void {
    this.m.delete(key);
  }

  /**
   * swap stores value for key and returns the previous value if any and
   * whether it was present (Go: m.Swap(key, value)).
   */
  swap(key: K, value: V): [V | undefined, boolean] {
    const prev = this.load(key);
    this.m.set(key, value);
    return prev;
  }

  /**
   * compareAndSwap stores newValue for key if the stored value is (===) old,
   * and reports whether it did (Go: m.CompareAndSwap(key, old, new)). A
   * missing key never matches, not even old undefined.
   */
  compareAndSwap(key: K, old: V, newValue: V): boolean {
    if (!this.m.has(key) || this.m.get(key) !== old) return false;
    this.m.set(key, newValue);
    return true;
  }

  /**
   * compareAndDelete deletes the entry for key if its value is (===) old, and
   * reports whether it did (Go: m.CompareAndDelete(key, old)).
   */
  compareAndDelete(key: K, old: V): boolean {
    if (!this.m.has(key) || this.m.get(key) !== old) return false;
    this.m.delete(key);
    return true;
  }

  /**
   * range calls f for each key and value present in the map; if f returns
   * false, range stops (Go: m.Range(f)). As in Go, it is no consistent
   * snapshot: no key is visited twice, keys stored during range are not
   * visited, a key deleted before its turn is skipped, and each visit sees the
   * key's value at that moment. f may call any method of the map.
   */
  range(f: (key: K, value: V) => boolean): void {
    for (const k of [...this.m.keys()]) {
      if (!this.m.has(k)) continue;
      if (f(k, this.m.get(k) as V) === false) return;
    }
  }

  /** clear deletes every entry (Go: m.Clear()). */
  clear(): void {
    this.m.clear();
  }
}
