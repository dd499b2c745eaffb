import { describe, expect, it } from "vitest";
import {
  MAX_FRAGMENT_CHARS,
  MAX_SHARE_BYTES,
  ShareTooLargeError,
  decodeShare,
  encodeShare,
  isShareFragment,
  shareText,
  type ShareTarget,
} from "./share-link";

const target: ShareTarget = { lessonId: "m/a", editable: ["main.ts", "util.ts"], readonly: ["types.ts"] };

async function deflate(text: string): Promise<string> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream("deflate-raw"));
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  return Buffer.from(bytes).toString("base64url");
}

describe("share links", () => {
  it("round-trips files, including non-ASCII text and odd names", async () => {
    const files = { "main.ts": "export const s = 'héllo ✓ 🐹';\n".repeat(50), "util.ts": "" };
    const fragment = await encodeShare({ lessonId: "m/a", files });
    expect(fragment).toMatch(/^share=1\.[A-Za-z0-9_-]+$/);
    expect(isShareFragment(`#${fragment}`)).toBe(true);
    expect(await decodeShare(`#${fragment}`, target)).toEqual({ ok: true, code: { lessonId: "m/a", files } });
  });

  it("compresses repetitive code well below its size", async () => {
    const main = "for (let i = 0; i < 10; i++) console.log(i);\n".repeat(200);
    const fragment = await encodeShare({ lessonId: "m/a", files: { "main.ts": main } });
    expect(fragment.length).toBeLessThan(main.length / 10);
  });

  it("refuses to encode more than the limit", async () => {
    const main = "x".repeat(MAX_SHARE_BYTES);
    await expect(encodeShare({ lessonId: "m/a", files: { "main.ts": main } })).rejects.toBeInstanceOf(
      ShareTooLargeError,
    );
  });

  const cases: [string, () => Promise<string>, RegExp][] = [
    ["not a share fragment", async () => "#exercise", /does not contain shared code/],
    ["no version", async () => "#share=abc", /no format version/],
    ["a newer version", async () => `#share=2.${await deflate("{}")}`, /newer version of this site \(format 2\)/],
    ["not base64url", async () => "#share=1.ab+/", /not valid base64url/],
    ["empty data", async () => "#share=1.", /not valid base64url/],
    [
      "truncated",
      async () => {
        const f = await encodeShare({ lessonId: "m/a", files: { "main.ts": "export const x = 1;\n".repeat(40) } });
        return `#${f.slice(0, Math.floor(f.length / 2))}`;
      },
      /damaged or was cut short/,
    ],
    ["not deflate at all", async () => `#share=1.${Buffer.from("hello world").toString("base64url")}`, /damaged/],
    ["not JSON", async () => `#share=1.${await deflate("not json")}`, /not readable text/],
    ["not shared code", async () => `#share=1.${await deflate('{"v":1,"lesson":"m/a"}')}`, /not shared code/],
    [
      "another lesson",
      async () => `#share=1.${await deflate('{"v":1,"lesson":"m/b","files":{"main.ts":"x"}}')}`,
      /another lesson \("m\/b"\)/,
    ],
    [
      "an unknown file",
      async () => `#share=1.${await deflate('{"v":1,"lesson":"m/a","files":{"evil.ts":"x"}}')}`,
      /does not have: "evil.ts"/,
    ],
    [
      "a read-only file",
      async () => `#share=1.${await deflate('{"v":1,"lesson":"m/a","files":{"types.ts":"x"}}')}`,
      /"types.ts", which is read-only/,
    ],
    [
      "a __proto__ file",
      async () => `#share=1.${await deflate('{"v":1,"lesson":"m/a","files":{"__proto__":"x"}}')}`,
      /does not have: "__proto__"/,
    ],
    [
      "a file that is not text",
      async () => `#share=1.${await deflate('{"v":1,"lesson":"m/a","files":{"main.ts":5}}')}`,
      /"main.ts" is not text/,
    ],
    ["no files", async () => `#share=1.${await deflate('{"v":1,"lesson":"m/a","files":{}}')}`, /no files/],
    ["an over-long link", async () => `#share=1.${"A".repeat(MAX_FRAGMENT_CHARS)}`, /the link is over/],
  ];
  for (const [name, make, message] of cases) {
    it(`rejects ${name} with a clear message`, async () => {
      const result = await decodeShare(await make(), target);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(shareText(result.error)).toMatch(message);
        // Every refusal has its Chinese sentence, with the same values.
        expect(shareText(result.error, "zh-cn"), "Chinese").toMatch(/[\u3400-\u9fff]/);
      }
    });
  }

  it("stops inflating a decompression bomb at the limit", async () => {
    // 50 MB of one character deflates to ~50 KB of fragment: under the fragment cap.
    const bomb = `{"v":1,"lesson":"m/a","files":{"main.ts":"${"a".repeat(50 * 1024 * 1024)}"}}`;
    const fragment = `#share=1.${await deflate(bomb)}`;
    expect(fragment.length).toBeLessThan(MAX_FRAGMENT_CHARS);
    const result = await decodeShare(fragment, target);
    expect(result).toEqual({ ok: false, error: { key: "inflatedTooLarge", params: { size: MAX_SHARE_BYTES } } });
    if (!result.ok) {
      expect(shareText(result.error)).toMatch(/too large \(over 64.0 KB uncompressed\)/);
      expect(shareText(result.error, "zh-cn")).toBe("分享的代码太大（解压后超过 64.0 KB）。");
    }
  });

  it("names values in the refusal, in either language", async () => {
    const result = await decodeShare(
      `#share=1.${await deflate('{"v":1,"lesson":"m/a","files":{"types.ts":"x"}}')}`,
      target,
    );
    if (result.ok) throw new Error("accepted a read-only file");
    expect(shareText(result.error, "zh-cn")).toBe("这个链接修改了 “types.ts”，而它在这个练习里是只读的。");
    const error = new ShareTooLargeError(70_000);
    expect(error.message).toBe("The code is too large to share by link (68.4 KB; the limit is 64.0 KB).");
    expect(shareText(error.problem, "zh-cn")).toBe("代码太大，无法通过链接分享（68.4 KB；上限是 64.0 KB）。");
  });

  it("accepts a payload exactly at the limit", async () => {
    const shell = '{"v":1,"lesson":"m/a","files":{"main.ts":""}}';
    const main = "b".repeat(MAX_SHARE_BYTES - shell.length);
    const result = await decodeShare(`#${await encodeShare({ lessonId: "m/a", files: { "main.ts": main } })}`, target);
    expect(result.ok).toBe(true);
  });
});
