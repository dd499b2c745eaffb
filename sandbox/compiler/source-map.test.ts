import * as esbuild from "esbuild";
import { DecodedMap, getOriginalPosition } from "@vitest/utils/source-map";
import { describe, expect, it } from "vitest";
import { decodeMappings, fileMappings, joinMaps } from "./source-map";

describe("decodeMappings", () => {
  it("decodes absolute positions per generated line, skipping segments without a source", () => {
    // Line 0: [0 -> 0:0], [4 -> 0:7]; line 1: nothing; line 2: [2, no source], [6 -> 3:1] (relative to 0:7).
    expect(decodeMappings("AAAA,IAAO;;E,IAGN")).toEqual([
      [
        [0, 0, 0],
        [4, 0, 7],
      ],
      [],
      [[6, 3, 1]],
    ]);
  });

  it("reads negative and multi-digit values", () => {
    // 16 is "gB"; -1 is "D".
    expect(decodeMappings("gBAAgB,CAAD")).toEqual([
      [
        [16, 0, 16],
        [17, 0, 15],
      ],
    ]);
  });
});

describe("joinMaps", () => {
  const files = {
    "a.ts": 'import { b } from "./b";\nexport function a(x: number): number {\n  return b(x) * 2;\n}\n',
    "b.ts": "export const b = (x: number) =>\n  x +\n    1;\n\n\nexport class C { m() { return 1; } }\n",
    "types.ts": "export interface T { x: number }\n",
    "c.ts": "export const c = [1, 2, 3].map((n) => n * n);\n",
  };

  it("maps every position of every file to the same place the file's own map does", async () => {
    const compiled = await Promise.all(
      Object.entries(files).map(async ([name, source]) => {
        const r = await esbuild.transform(source, {
          loader: "ts",
          format: "cjs",
          sourcemap: "external",
          sourcefile: name,
        });
        const map = JSON.parse(r.map) as { mappings: string };
        return { name, lines: r.code.split("\n").length, mappings: fileMappings(map.mappings), own: map };
      }),
    );
    // Files placed with gaps between them, as the linker does (wrapper lines).
    let line = 3;
    const pieces = compiled.map((file, source) => {
      const piece = { line, source, mappings: file.mappings };
      line += file.lines + 2;
      return piece;
    });
    const joined = JSON.parse(
      joinMaps(
        compiled.map((f) => f.name),
        pieces,
        line + 1,
      ),
    ) as { mappings: string };
    const map = new DecodedMap({ ...joined, version: 3 } as never, "bundle.js");
    let checked = 0;
    compiled.forEach((file, i) => {
      const own = new DecodedMap(
        { version: 3, sources: [file.name], names: [], mappings: file.own.mappings } as never,
        "x.js",
      );
      decodeMappings(file.own.mappings).forEach((segments, generatedLine) => {
        for (const [column] of segments) {
          const expected = getOriginalPosition(own, { line: generatedLine + 1, column });
          const actual = getOriginalPosition(map, { line: pieces[i]!.line + generatedLine + 1, column });
          expect(actual?.source).toMatch(new RegExp(`${file.name}$`));
          expect([actual?.line, actual?.column]).toEqual([expected?.line, expected?.column]);
          checked++;
        }
      });
    });
    expect(checked).toBeGreaterThan(20);
    // The lines between files map to nothing.
    expect(getOriginalPosition(map, { line: 1, column: 0 })).toBeNull();
    expect(joined.mappings.split(";")).toHaveLength(line + 1);
  });
});
