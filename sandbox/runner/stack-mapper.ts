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
  private readonly bundleId: string;

  /**
   * @param mapJson the bundle's source map (esbuild output)
   * @param bundleUrl the URL the bundle was loaded from: only its frames are mapped
   */
  constructor(mapJson: string, bundleUrl: string) {
    // Stack parsers resolve "blob:null/<uuid>" like a path; the uuid identifies the script.
    this.bundleId = bundleUrl.slice(bundleUrl.lastIndexOf("/") + 1);
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
      if (!frame.file.endsWith(this.bundleId)) continue;
      const pos = getOriginalPosition(this.map, { line: frame.line, column: Math.max(0, frame.column - 1) });
      // Frames in the generated entry module are the platform's, not the learner's.
      if (!pos || !pos.source || pos.source.includes("entry:")) continue;
      out.push({ file: pos.source.replace(/^.*learner:/, ""), line: pos.line, column: pos.column + 1 });
    }
    return out;
  }

  /** The innermost learner/test frame as "file.ts:line:col", or undefined. */
  locate(stack: string | undefined): string | undefined {
    const frame = this.frames(stack)[0];
    return frame ? `${frame.file}:${frame.line}:${frame.column}` : undefined;
  }
}
