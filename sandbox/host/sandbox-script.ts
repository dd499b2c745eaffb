// Composes the code the sandbox iframe appends to the prelude for one Run:
// the compiled bundle, then the call that starts the harness. The bundle's
// first line must be the script's line (prelude lines + 1) for stack mapping.

export interface ScriptOptions {
  runId: number;
  bundle: string;
  map: string;
  /** Number of lines of the prelude, which the iframe joins with "\n". */
  preludeLines: number;
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

export function countLines(text: string): number {
  let lines = 1;
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) lines++;
  return lines;
}

/** The text to run after `prelude + "\n"`. */
export function sandboxScript(options: ScriptOptions): string {
  const config = {
    runId: options.runId,
    lineOffset: options.preludeLines,
    map: options.map,
    testTimeoutMs: perTestTimeout(options.timeoutMs),
  };
  return `${options.bundle}\n;self.__sandboxStart(${JSON.stringify(config)});\n`;
}
