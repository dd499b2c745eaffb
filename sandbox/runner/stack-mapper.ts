// Maps stack frames in the compiled bundle back to the learner's files
// ("limit.ts:12:5") through the bundle's source map.

import { DecodedMap, getOriginalPosition, parseSingleStack } from "@vitest/utils/source-map";

export interface SourceLocation {
  file: string;
  line: number;
  column: number;
}

export class StackMapper {
  private readonly map: DecodedMap | undefined;
  private readonly bundleId: string | undefined;

  /**
   * @param mapJson the bundle's source map (esbuild output)
   * @param lineOffset how many lines precede the bundle in the script that runs it
   * @param bundleUrl when the bundle runs as its own script, its URL: only its frames are mapped
   */
  constructor(
    mapJson: string,
    private readonly lineOffset: number,
    bundleUrl?: string,
  ) {
    // Stack parsers resolve "blob:null/<uuid>" like a path; the uuid identifies the script.
    this.bundleId = bundleUrl ? bundleUrl.slice(bundleUrl.lastIndexOf("/") + 1) : undefined;
    try {
      this.map = mapJson ? new DecodedMap(JSON.parse(mapJson), "bundle.js") : undefined;
    } catch {
      this.map = undefined;
    }
  }

  /** All frames of `stack` that map into learner or test files, innermost first. */
  frames(stack: string | undefined): SourceLocation[] {
    if (!stack || !this.map) return [];
    const out: SourceLocation[] = [];
    for (const line of stack.split("\n")) {
      const frame = parseSingleStack(line);
      if (!frame || !frame.line) continue;
      if (this.bundleId && !frame.file.endsWith(this.bundleId)) continue;
      const bundleLine = frame.line - this.lineOffset;
      if (bundleLine < 1) continue;
      const pos = getOriginalPosition(this.map, { line: bundleLine, column: Math.max(0, frame.column - 1) });
      if (!pos || !pos.source) continue;
      const file = pos.source.replace(/^.*(learner|entry):/, "");
      if (pos.source.includes("entry:")) continue;
      out.push({ file, line: pos.line, column: pos.column + 1 });
    }
    return out;
  }

  /** The innermost learner/test frame as "file.ts:line:col", or undefined. */
  locate(stack: string | undefined): string | undefined {
    const frame = this.frames(stack)[0];
    return frame ? `${frame.file}:${frame.line}:${frame.column}` : undefined;
  }
}
