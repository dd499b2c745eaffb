// Ported from Go's net/http sniff_test.go: the DetectContentType table, and
// the server's sniffing of handler output.

import { describe, expect, it } from "vitest";
import { newServer } from "./httptest";
import { detectContentType, handlerFunc } from "./index";
import type { ResponseWriter } from "./index";

// b turns a Go string literal's bytes (one char per byte) into bytes.
const b = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

const sniffTests: [desc: string, data: Uint8Array, contentType: string][] = [
  // Some nonsense.
  ["Empty", b(""), "text/plain; charset=utf-8"],
  ["Binary", new Uint8Array([1, 2, 3]), "application/octet-stream"],

  ["HTML document #1", b(`<HtMl><bOdY>blah blah blah</body></html>`), "text/html; charset=utf-8"],
  ["HTML document #2", b(`<HTML></HTML>`), "text/html; charset=utf-8"],
  ["HTML document #3 (leading whitespace)", b(`   <!DOCTYPE HTML>...`), "text/html; charset=utf-8"],
  ["HTML document #4 (leading CRLF)", b("\r\n<html>..."), "text/html; charset=utf-8"],

  ["Plain text", new TextEncoder().encode(`This is not HTML. It has ☃ though.`), "text/plain; charset=utf-8"],

  ["XML", b("\n<?xml!"), "text/xml; charset=utf-8"],

  // Image types.
  ["Windows icon", b("\x00\x00\x01\x00"), "image/x-icon"],
  ["Windows cursor", b("\x00\x00\x02\x00"), "image/x-icon"],
  ["BMP image", b("BM..."), "image/bmp"],
  ["GIF 87a", b(`GIF87a`), "image/gif"],
  ["GIF 89a", b(`GIF89a...`), "image/gif"],
  ["WEBP image", b("RIFF\x00\x00\x00\x00WEBPVP"), "image/webp"],
  ["PNG image", b("\x89PNG\x0D\x0A\x1A\x0A"), "image/png"],
  ["JPEG image", b("\xFF\xD8\xFF"), "image/jpeg"],

  // Audio types.
  ["MIDI audio", b("MThd\x00\x00\x00\x06\x00\x01"), "audio/midi"],
  ["MP3 audio/MPEG audio", b("ID3\x03\x00\x00\x00\x00\x0f"), "audio/mpeg"],
  ["WAV audio #1", b("RIFFb\xb8\x00\x00WAVEfmt \x12\x00\x00\x00\x06"), "audio/wave"],
  ["WAV audio #2", b("RIFF,\x00\x00\x00WAVEfmt \x12\x00\x00\x00\x06"), "audio/wave"],
  [
    "AIFF audio #1",
    b("FORM\x00\x00\x00\x00AIFFCOMM\x00\x00\x00\x12\x00\x01\x00\x00\x57\x55\x00\x10\x40\x0d\xf3\x34"),
    "audio/aiff",
  ],

  [
    "OGG audio",
    b(
      "OggS\x00\x02\x00\x00\x00\x00\x00\x00\x00\x00\x7e\x46\x00\x00\x00\x00\x00\x00\x1f\xf6\xb4\xfc\x01\x1e\x01\x76\x6f\x72",
    ),
    "application/ogg",
  ],
  ["Must not match OGG", b("owow\x00"), "application/octet-stream"],
  ["Must not match OGG", b("oooS\x00"), "application/octet-stream"],
  ["Must not match OGG", b("oggS\x00"), "application/octet-stream"],

  // Video types.
  ["MP4 video", b("\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom<\x06t\xbfmdat"), "video/mp4"],
  ["AVI video #1", b("RIFF,O\n\x00AVI LIST\xc3\x80"), "video/avi"],
  ["AVI video #2", b("RIFF,\n\x00\x00AVI LIST\xc3\x80"), "video/avi"],

  // Font types.
  ["TTF sample  I", b("\x00\x01\x00\x00\x00\x17\x01\x00\x00\x04\x01\x60\x4f"), "font/ttf"],
  ["TTF sample II", b("\x00\x01\x00\x00\x00\x0e\x00\x80\x00\x03\x00\x60\x46"), "font/ttf"],

  ["OTTO sample  I", b("\x4f\x54\x54\x4f\x00\x0e\x00\x80\x00\x03\x00\x60\x42\x41\x53\x45"), "font/otf"],

  ["woff sample  I", b("\x77\x4f\x46\x46\x00\x01\x00\x00\x00\x00\x30\x54\x00\x0d\x00\x00"), "font/woff"],
  ["woff2 sample", b("\x77\x4f\x46\x32\x00\x01\x00\x00\x00"), "font/woff2"],
  ["wasm sample", b("\x00\x61\x73\x6d\x01\x00"), "application/wasm"],

  // Archive types
  ["RAR v1.5-v4.0", b("Rar!\x1A\x07\x00"), "application/x-rar-compressed"],
  ["RAR v5+", b("Rar!\x1A\x07\x01\x00"), "application/x-rar-compressed"],
  ["Incorrect RAR v1.5-v4.0", b("Rar \x1A\x07\x00"), "application/octet-stream"],
  ["Incorrect RAR v5+", b("Rar \x1A\x07\x01\x00"), "application/octet-stream"],
];

describe("DetectContentType (Go's sniffTests)", () => {
  for (const [desc, data, want] of sniffTests) {
    it(`${desc} -> ${want}`, () => {
      expect(detectContentType(data)).toBe(want);
    });
  }
});

// Go's TestServerContentTypeSniff: the server sniffs what the handler wrote.
describe("server sniffs the body it sends", () => {
  it("every sniffTests entry, through a server, body intact", async () => {
    const srv = newServer(
      handlerFunc((w, r) => {
        w.write(sniffTests[Number(r.url.query().get("i"))]![1]);
      }),
    );
    for (let i = 0; i < sniffTests.length; i++) {
      const [desc, data, want] = sniffTests[i]!;
      const res = await srv.get(`/?i=${i}`);
      // Go sends no Content-Type for an empty body.
      expect([desc, res.header.get("Content-Type")]).toEqual([desc, data.length === 0 ? "" : want]);
      expect(await res.bytes()).toEqual(data);
    }
  });

  const serve = async (h: (w: ResponseWriter) => void, method = "GET") => {
    const res = await newServer(handlerFunc((w) => h(w))).request(method, "/");
    return res;
  };

  it("Issue 5953: a Content-Type set to empty is not sniffed", async () => {
    const res = await serve((w) => {
      w.header().set("Content-Type", "");
      w.write("<html><head></head><body>hi</body></html>");
    });
    expect(res.header.values("Content-Type")).toEqual([""]);
  });

  it("sniffs after an explicit writeHeader too", async () => {
    const res = await serve((w) => {
      w.writeHeader(201);
      w.write("<html>x</html>");
    });
    expect([res.statusCode, res.header.get("Content-Type")]).toEqual([201, "text/html; charset=utf-8"]);
  });

  it("sniffs the first 512 bytes across small writes (TestContentTypeWithCopy)", async () => {
    const res = await serve((w) => {
      for (const c of "\n<html>\n\t<head>\n") w.write(c);
    });
    expect(res.header.get("Content-Type")).toBe("text/html; charset=utf-8");
  });

  it("never sniffs when Content-Encoding is set (Issue 31753)", async () => {
    const res = await serve((w) => {
      w.header().set("Content-Encoding", "gzip");
      w.write("<html>x</html>");
    });
    expect(res.header.has("Content-Type")).toBe(false);
  });

  it("does not sniff when Transfer-Encoding is set", async () => {
    const res = await serve((w) => {
      w.header().set("Transfer-Encoding", "chunked");
      w.write("<html>x</html>");
    });
    expect(res.header.has("Content-Type")).toBe(false);
  });

  // Go's TestSniffWriteSize: every size is written in full.
  for (const size of [0, 1, 200, 600, 999, 1000, 1023, 1024, 512 << 10, 1 << 20]) {
    it(`writes of ${size} bytes arrive whole`, async () => {
      let n = -1;
      const res = await serve((w) => {
        n = w.write("a".repeat(size));
      });
      expect(n).toBe(size);
      expect((await res.bytes()).length).toBe(size);
    });
  }
});
