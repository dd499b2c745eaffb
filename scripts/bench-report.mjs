// The benchmark's bookkeeping: which lessons to measure, statistics,
// formatting, and the sizes of the build's assets and their compressed copies.

import fs from "node:fs";
import path from "node:path";

/** "module/lesson" of every built lesson page with an exercise, in course order. */
export function lessonsWithExercises(dist) {
  const out = [];
  for (const mod of fs
    .readdirSync(dist)
    .filter((d) => /^\d\d-/.test(d))
    .sort()) {
    for (const lesson of fs.readdirSync(path.join(dist, mod)).sort()) {
      const page = path.join(dist, mod, lesson, "index.html");
      if (fs.existsSync(page) && fs.readFileSync(page, "utf8").includes("data-exercise-mount"))
        out.push(`${mod}/${lesson}`);
    }
  }
  return out;
}

/** The median of xs (the mean of the middle two for an even count). */
export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** The p-th quantile of xs, nearest rank (p = 0.9: the value 90% of samples do not exceed). */
export function percentile(xs, p) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))];
}

export const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
export const mb = (n) => `${(n / 1024 / 1024).toFixed(2)} MB`;
export const ms = (n) => `${n.toFixed(1)} ms`;

/**
 * For each file of the build of at least `min` raw bytes that responses
 * name: its raw size, its .gz and .br copies, what the server sent for it
 * in all, and how many times it was sent.
 */
export function assetSizes(dist, responses, min) {
  const size = (f) => fs.statSync(f, { throwIfNoEntry: false })?.size;
  const rows = new Map();
  for (const r of responses) {
    let file = path.join(dist, decodeURIComponent(r.path));
    if (r.path.endsWith("/")) file = path.join(file, "index.html");
    const raw = size(file);
    if (raw === undefined || raw < min) continue;
    const row = rows.get(file) ?? {
      path: r.path,
      raw,
      gz: size(`${file}.gz`),
      br: size(`${file}.br`),
      sent: 0,
      times: 0,
    };
    row.sent += r.bytes;
    row.times++;
    rows.set(file, row);
  }
  return [...rows.values()].sort((a, b) => b.raw - a.raw);
}

/** A plain-text table, columns padded to their widest cell. */
export function table(head, rows) {
  const cells = [head, ...rows].map((r) => r.map(String));
  const widths = head.map((_, i) => Math.max(...cells.map((r) => r[i].length)));
  const line = (r) =>
    r
      .map((c, i) => c.padEnd(widths[i]))
      .join("  ")
      .trimEnd();
  return [line(cells[0]), widths.map((w) => "-".repeat(w)).join("  "), ...cells.slice(1).map(line)].join("\n");
}
