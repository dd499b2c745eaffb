// Maps stack frames in the compiled bundle back to the learner's files
// ("limit.ts:12:5") through the bundle's source map.
//
// The Go runtime asks for the first learner frame of thousands of stacks in
// a Run (where each goroutine was created, for the traces), most of them the
// same stack again (synctest.explore runs one test body per seed): the first
// frame of a stack is cached, the map is parsed on the first lookup (a Run
// without a failure or a goroutine never needs it), and only lines that name
// the bundle are parsed.

import { DecodedMap, getOriginalPosition, parseSingleStack } from "@vitest/utils/source-map";

export interface SourceLocation {
  file: string;
  line: number;
  column: number;
}

/** Distinct stacks whose first frame is remembered; the cache starts over beyond this. */
const CACHE_LIMIT = 2000;

export class StackMapper {
  private mapJson: string | undefined;
  private map: DecodedMap | undefined;
  private readonly bundleId: string;
  private readonly firsts = new Map<string, SourceLocation | null>();

  /**
   * @param mapJson the bundle's source map (esbuild output)
   * @param bundleUrl the URL the bundle was loaded from: only its frames are mapped
   */
  constructor(mapJson: string, bundleUrl: string) {
    // Stack parsers resolve "blob:null/<uuid>" like a path; the uuid identifies the script.
    this.bundleId = bundleUrl.slice(bundleUrl.lastIndexOf("/") + 1);
    this.mapJson = mapJson;
  }

  /** The decoded map, parsed on first use; undefined when there is none or it does not parse. */
  private decoded(): DecodedMap | undefined {
    if (this.mapJson !== undefined) {
      const json = this.mapJson;
      this.mapJson = undefined;
      try {
        this.map = json ? new DecodedMap(JSON.parse(json), "bundle.js") : undefined;
      } catch {
        this.map = undefined;
      }
    }
    return this.map;
  }

  /** The innermost frame of `stack` in a learner or test file, or undefined. */
  first(stack: string | undefined): SourceLocation | undefined {
    if (!stack) return undefined;
    const known = this.firsts.get(stack);
    if (known !== undefined) return known ?? undefined;
    const found = this.scan(stack);
    if (this.firsts.size >= CACHE_LIMIT) this.firsts.clear();
    this.firsts.set(stack, found ?? null);
    return found;
  }

  /** The innermost learner/test frame as "file.ts:line:col", or undefined. */
  locate(stack: string | undefined): string | undefined {
    const frame = this.first(stack);
    return frame ? `${frame.file}:${frame.line}:${frame.column}` : undefined;
  }

  /** The first frame of `stack` in a learner or test file. */
  private scan(stack: string): SourceLocation | undefined {
    const map = this.decoded();
    if (!map) return undefined;
    for (const line of stack.split("\n")) {
      // A frame of the bundle names its URL: other lines need no parsing.
      if (!line.includes(this.bundleId)) continue;
      const frame = parseSingleStack(line);
      if (!frame || !frame.line) continue;
      if (!frame.file.endsWith(this.bundleId)) continue;
      const pos = getOriginalPosition(map, { line: frame.line, column: Math.max(0, frame.column - 1) });
      // Frames in the generated entry module are the platform's, not the learner's.
      if (!pos || !pos.source || pos.source.includes("entry:")) continue;
      return { file: pos.source.replace(/^.*learner:/, ""), line: pos.line, column: pos.column + 1 };
    }
    return undefined;
  }
}
