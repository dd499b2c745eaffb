import { describe, expect, it } from "vitest";
import { capText, formatSize, utf8Length } from "./output-limits";

describe("capText", () => {
  it("returns short text unchanged", () => {
    expect(capText("hello", 5)).toBe("hello");
    expect(capText("", 0)).toBe("");
  });

  it("cuts long text and says how many bytes were left out and the whole size", () => {
    const text = "x".repeat(10 * 1024 * 1024);
    const capped = capText(text, 8000);
    expect(capped.startsWith("x".repeat(8000) + "\n… ")).toBe(true);
    expect(capped).toContain(`${(10 * 1024 * 1024 - 8000).toLocaleString("en-US")} more bytes (10.0 MB in all)`);
    expect(capped.length).toBeLessThan(8100);
  });

  it("leaves text it capped already as it was", () => {
    const once = capText("x".repeat(20 * 1024 * 1024), 1000);
    expect(capText(once, 1000)).toBe(once);
    expect(once).toMatch(/\n… 20,970,520 more bytes \(20\.0 MB in all\)$/);
    // Text that merely ends like a cap line but is longer is still cut.
    const forged = "x".repeat(5000) + "\n… 1 more bytes (1 bytes in all)";
    expect(capText(forged, 1000).length).toBeLessThan(1100);
    expect(capText(forged, 1000)).toMatch(/\n… 4,034 more bytes \(4\.9 KB in all\)$/);
  });

  it("counts bytes in UTF-8, not code units", () => {
    // "é" is 2 bytes, "😀" is 4 bytes (2 code units).
    expect(capText("ééé", 1)).toBe("é\n… 4 more bytes (6 bytes in all)");
    expect(capText("😀😀", 2)).toBe("😀\n… 4 more bytes (8 bytes in all)");
  });

  it("never splits a surrogate pair", () => {
    expect(capText("a😀b", 2)).toBe("a\n… 5 more bytes (6 bytes in all)");
  });

  it("turns a value that is not a string into the empty string", () => {
    expect(capText(undefined, 10)).toBe("");
    expect(capText({ toString: () => "x" }, 10)).toBe("");
  });
});

describe("utf8Length", () => {
  it("matches TextEncoder, lone surrogates included", () => {
    for (const s of ["", "abc", "é", "€", "😀", "\ud800", "a\udc00b", "ü😀\ud83d"]) {
      expect(utf8Length(s), JSON.stringify(s)).toBe(new TextEncoder().encode(s).length);
    }
  });
});

describe("formatSize", () => {
  it("renders bytes, KB and MB", () => {
    const cases: [number, string][] = [
      [0, "0 bytes"],
      [1, "1 byte"],
      [1023, "1023 bytes"],
      [1024, "1.0 KB"],
      [1536, "1.5 KB"],
      [20 * 1024 * 1024, "20.0 MB"],
    ];
    for (const [n, want] of cases) expect(formatSize(n), String(n)).toBe(want);
  });
});
