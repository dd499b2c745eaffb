// Content-Type sniffing, ported from Go's net/http sniff.go (the WHATWG
// MIME Sniffing algorithm).

/** Go looks at no more than the first 512 bytes. */
export const sniffLen = 512;

type Sig = (data: Uint8Array, firstNonWS: number) => string;

const bytes = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

function exact(sig: string, ct: string): Sig {
  const p = bytes(sig);
  return (d) => (d.length >= p.length && p.every((b, i) => d[i] === b) ? ct : "");
}

function masked(mask: string, pat: string, ct: string, skipWS = false): Sig {
  const m = bytes(mask);
  const p = bytes(pat);
  return (d, ws) => {
    const data = skipWS ? d.subarray(ws) : d;
    if (data.length < m.length) return "";
    for (let i = 0; i < m.length; i++) if ((data[i]! & m[i]!) !== p[i]) return "";
    return ct;
  };
}

function html(sig: string): Sig {
  const h = bytes(sig);
  return (d, ws) => {
    const data = d.subarray(ws);
    if (data.length < h.length + 1) return "";
    for (let i = 0; i < h.length; i++) {
      let db = data[i]!;
      if (h[i]! >= 0x41 && h[i]! <= 0x5a) db &= 0xdf;
      if (h[i] !== db) return "";
    }
    const next = data[h.length];
    return next === 0x20 || next === 0x3e ? "text/html; charset=utf-8" : "";
  };
}

const mp4: Sig = (d) => {
  if (d.length < 12) return "";
  const boxSize = ((d[0]! << 24) | (d[1]! << 16) | (d[2]! << 8) | d[3]!) >>> 0;
  if (boxSize % 4 !== 0 || d.length < boxSize) return "";
  if (String.fromCharCode(...d.subarray(4, 8)) !== "ftyp") return "";
  for (let st = 8; st < boxSize; st += 4) {
    if (st === 12) continue; // minor version number
    if (String.fromCharCode(...d.subarray(st, st + 3)) === "mp4") return "video/mp4";
  }
  return "";
};

const text: Sig = (d, ws) => {
  for (let i = ws; i < d.length; i++) {
    const b = d[i]!;
    if (b <= 0x08 || b === 0x0b || (b >= 0x0e && b <= 0x1a) || (b >= 0x1c && b <= 0x1f)) return "";
  }
  return "text/plain; charset=utf-8";
};

const z34 = "\x00".repeat(34);

// The signatures in Go's order: the first that matches wins.
const signatures: Sig[] = [
  ...[
    "<!DOCTYPE HTML",
    "<HTML",
    "<HEAD",
    "<SCRIPT",
    "<IFRAME",
    "<H1",
    "<DIV",
    "<FONT",
    "<TABLE",
    "<A",
    "<STYLE",
    "<TITLE",
    "<B",
    "<BODY",
    "<BR",
    "<P",
    "<!--",
  ].map(html),
  masked("\xFF\xFF\xFF\xFF\xFF", "<?xml", "text/xml; charset=utf-8", true),
  exact("%PDF-", "application/pdf"),
  exact("%!PS-Adobe-", "application/postscript"),
  // UTF BOMs.
  masked("\xFF\xFF\x00\x00", "\xFE\xFF\x00\x00", "text/plain; charset=utf-16be"),
  masked("\xFF\xFF\x00\x00", "\xFF\xFE\x00\x00", "text/plain; charset=utf-16le"),
  masked("\xFF\xFF\xFF\x00", "\xEF\xBB\xBF\x00", "text/plain; charset=utf-8"),
  // Images.
  exact("\x00\x00\x01\x00", "image/x-icon"),
  exact("\x00\x00\x02\x00", "image/x-icon"),
  exact("BM", "image/bmp"),
  exact("GIF87a", "image/gif"),
  exact("GIF89a", "image/gif"),
  masked("\xFF\xFF\xFF\xFF\x00\x00\x00\x00\xFF\xFF\xFF\xFF\xFF\xFF", "RIFF\x00\x00\x00\x00WEBPVP", "image/webp"),
  exact("\x89PNG\x0D\x0A\x1A\x0A", "image/png"),
  exact("\xFF\xD8\xFF", "image/jpeg"),
  // Audio and video.
  masked("\xFF\xFF\xFF\xFF", ".snd", "audio/basic"),
  masked("\xFF\xFF\xFF\xFF\x00\x00\x00\x00\xFF\xFF\xFF\xFF", "FORM\x00\x00\x00\x00AIFF", "audio/aiff"),
  masked("\xFF\xFF\xFF", "ID3", "audio/mpeg"),
  masked("\xFF\xFF\xFF\xFF\xFF", "OggS\x00", "application/ogg"),
  masked("\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF", "MThd\x00\x00\x00\x06", "audio/midi"),
  masked("\xFF\xFF\xFF\xFF\x00\x00\x00\x00\xFF\xFF\xFF\xFF", "RIFF\x00\x00\x00\x00AVI ", "video/avi"),
  masked("\xFF\xFF\xFF\xFF\x00\x00\x00\x00\xFF\xFF\xFF\xFF", "RIFF\x00\x00\x00\x00WAVE", "audio/wave"),
  mp4,
  exact("\x1A\x45\xDF\xA3", "video/webm"),
  // Fonts.
  masked(z34 + "\xFF\xFF", z34 + "LP", "application/vnd.ms-fontobject"),
  exact("\x00\x01\x00\x00", "font/ttf"),
  exact("OTTO", "font/otf"),
  exact("ttcf", "font/collection"),
  exact("wOFF", "font/woff"),
  exact("wOF2", "font/woff2"),
  // Archives.
  exact("\x1F\x8B\x08", "application/x-gzip"),
  exact("PK\x03\x04", "application/zip"),
  exact("Rar!\x1A\x07\x00", "application/x-rar-compressed"),
  exact("Rar!\x1A\x07\x01\x00", "application/x-rar-compressed"),
  exact("\x00\x61\x73\x6D", "application/wasm"),
  text, // last
];

/**
 * detectContentType implements the WHATWG MIME sniffing algorithm as Go's
 * http.DetectContentType does: it looks at no more than the first 512 bytes
 * of data and always returns a valid MIME type, "application/octet-stream"
 * if nothing more specific matches. JSON sniffs as text/plain, as in Go:
 * set Content-Type yourself (writeJSON does).
 */
export function detectContentType(data: Uint8Array): string {
  if (data.length > sniffLen) data = data.subarray(0, sniffLen);
  let ws = 0;
  while (ws < data.length && [0x09, 0x0a, 0x0c, 0x0d, 0x20].includes(data[ws]!)) ws++;
  for (const sig of signatures) {
    const ct = sig(data, ws);
    if (ct !== "") return ct;
  }
  return "application/octet-stream";
}
