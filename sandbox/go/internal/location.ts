// Turning an Error().stack into "file.ts:line" for deadlock dumps, panic
// messages and the trace. The browser sandbox installs a resolver that maps
// bundle positions through source maps; in Node the default resolver picks the
// first stack frame outside the runtime (sandbox/go/, node_modules, node:).

/** Maps a captured stack to "file.ts:line", or undefined when unknown. */
export type LocationResolver = (stack: string) => string | undefined;

let resolver: LocationResolver | null = null;

/**
 * setLocationResolver installs fn as the resolver used for every location the
 * runtime reports (where a goroutine was created, where it blocked, where it
 * panicked). Pass null to restore the default resolver.
 */
export function setLocationResolver(fn: LocationResolver | null): void {
  resolver = fn;
}

const FRAME = /\(?((?:file:\/\/)?[^\s()]+?):(\d+):(\d+)\)?\s*$/;

/** True for frames of the runtime itself (not learner or test code). */
function isRuntimeFrame(path: string): boolean {
  const p = path.replace(/\\/g, "/");
  if (p.startsWith("node:") || p.includes("/node_modules/") || p.startsWith("internal/")) return true;
  if (p.includes("/sandbox/go/") && !/\.test\.ts$/.test(p)) return true;
  return false;
}

/**
 * defaultResolveLocation returns "basename:line" of the first frame of stack
 * that is not part of the runtime, or undefined.
 */
export function defaultResolveLocation(stack: string): string | undefined {
  const lines = stack.split("\n");
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (!/^\s*at /.test(line) && !line.includes("@")) continue;
    const m = FRAME.exec(line);
    if (!m) continue;
    const path = m[1]!;
    if (isRuntimeFrame(path)) continue;
    const base = path.split(/[\\/]/).pop() ?? path;
    return `${base.replace(/\?.*$/, "")}:${m[2]}`;
  }
  return undefined;
}

/** resolveLocation maps the stack of err through the installed resolver. */
export function resolveLocation(err: Error | undefined | null): string | undefined {
  if (!err) return undefined;
  let stack: string | undefined;
  try {
    stack = err.stack;
  } catch {
    return undefined;
  }
  if (!stack) return undefined;
  try {
    return resolver ? resolver(stack) : defaultResolveLocation(stack);
  } catch {
    return undefined;
  }
}
