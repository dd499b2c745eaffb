// The timers of a bubble: a min-heap ordered by (due time, creation order).

/** A pending timer of a bubble. */
export class TimerEntry {
  active = true;
  /** Taken off the heap to fire (in a batch of simultaneous timers). */
  popped = false;
  /** Stopped after being popped, before it fired. */
  cancelled = false;
  constructor(
    /** Due time, ns since the bubble started (changed only by Bubble.rearmTimer). */
    public when: number,
    /** Creation order, which breaks ties between timers due at the same time. */
    public seq: number,
    readonly fire: (when: number, t: TimerEntry) => void,
    readonly detail: string,
  ) {}
}

/** Min-heap of timers ordered by (when, seq). */
export class TimerHeap {
  private h: TimerEntry[] = [];
  activeCount = 0;
  private less(a: TimerEntry, b: TimerEntry): boolean {
    return a.when < b.when || (a.when === b.when && a.seq < b.seq);
  }
  push(t: TimerEntry): void {
    const h = this.h;
    h.push(t);
    this.activeCount++;
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(h[i]!, h[p]!)) break;
      [h[i], h[p]] = [h[p]!, h[i]!];
      i = p;
    }
  }
  /** peek returns the earliest active timer, dropping stopped ones. */
  peek(): TimerEntry | undefined {
    while (this.h.length > 0 && !this.h[0]!.active) this.popRaw();
    return this.h[0];
  }
  pop(): TimerEntry | undefined {
    const t = this.peek();
    if (t) {
      this.popRaw();
      t.active = false;
      t.popped = true;
      this.activeCount--;
    }
    return t;
  }
  private popRaw(): void {
    const h = this.h;
    const last = h.pop()!;
    if (h.length === 0) return;
    h[0] = last;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < h.length && this.less(h[l]!, h[m]!)) m = l;
      if (r < h.length && this.less(h[r]!, h[m]!)) m = r;
      if (m === i) break;
      [h[i], h[m]] = [h[m]!, h[i]!];
      i = m;
    }
  }
}
