// Captures console output per test, capped so a chatty loop cannot flood the
// page. Installed before learner code runs; learner code that replaces
// `console` afterwards only loses its own output.

import { format } from "@vitest/utils/display";

const MAX_LINES = 100;
const MAX_CHARS = 8_000;

export class ConsoleCapture {
  private buckets = new Map<string, { lines: string[]; chars: number; truncated: boolean }>();
  private current = "";
  private muted = 0;

  /** Runs fn with output dropped (a replay of what already ran: see go/internal/replay.ts). */
  async muting<T>(fn: () => Promise<T>): Promise<T> {
    this.muted++;
    try {
      return await fn();
    } finally {
      this.muted--;
    }
  }

  /** Directs subsequent output to the bucket `id` (a test id, or "" for none). */
  select(id: string): void {
    this.current = id;
  }

  take(id: string): { logs: string[]; truncated: boolean } {
    const bucket = this.buckets.get(id);
    this.buckets.delete(id);
    return { logs: bucket?.lines ?? [], truncated: bucket?.truncated ?? false };
  }

  write(level: string, args: unknown[]): void {
    if (this.muted > 0) return;
    let bucket = this.buckets.get(this.current);
    if (!bucket) {
      bucket = { lines: [], chars: 0, truncated: false };
      this.buckets.set(this.current, bucket);
    }
    if (bucket.truncated) return;
    let text: string;
    try {
      text = args.map((a) => (typeof a === "string" ? a : format(a))).join(" ");
    } catch {
      text = "[unprintable value]";
    }
    if (level === "error" || level === "warn") text = `[${level}] ${text}`;
    if (bucket.lines.length >= MAX_LINES || bucket.chars + text.length > MAX_CHARS) {
      bucket.truncated = true;
      return;
    }
    bucket.lines.push(text);
    bucket.chars += text.length;
  }

  /** Replaces the global console's methods with capturing ones. */
  install(target: { console: Console }): void {
    const levels = ["log", "info", "warn", "error", "debug", "trace"] as const;
    const replacement = {} as Record<string, (...args: unknown[]) => void>;
    for (const level of levels) replacement[level] = (...args: unknown[]) => this.write(level, args);
    target.console = Object.assign(Object.create(target.console ?? null) as Console, replacement);
  }
}
