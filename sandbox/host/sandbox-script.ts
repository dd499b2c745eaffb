// Composes the script one Run hands to its sandbox worker: the compiled
// bundle, then the call that starts the harness. The worker loads it as its
// own script (after the prelude), so bundle lines are script lines.

import type { StartConfig } from "../protocol";

export interface ScriptOptions {
  runId: number;
  bundle: string;
  map: string;
  /** The Run's wall-clock limit. */
  timeoutMs: number;
}

/**
 * A hung async test fails on its own a little before the Run's wall clock,
 * so the learner sees which test hung instead of a bare timeout.
 */
export function perTestTimeout(timeoutMs: number): number {
  return Math.max(200, Math.floor(timeoutMs * 0.8));
}

/** The config that starts the harness for a Run of `options`. */
export function startConfig(options: Omit<ScriptOptions, "bundle">): StartConfig {
  return { runId: options.runId, map: options.map, testTimeoutMs: perTestTimeout(options.timeoutMs) };
}

export function sandboxScript(options: ScriptOptions): string {
  return `${options.bundle}\n;self.__sandboxStart(${JSON.stringify(startConfig(options))});\n`;
}

/** The script a spare worker loads to stage a bundle: the bundle alone, no start call. */
export function stagedScript(bundle: string): string {
  return `${bundle}\n`;
}
