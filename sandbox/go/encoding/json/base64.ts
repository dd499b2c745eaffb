// Standard base64 for []byte values (Go encodes []byte as a base64 string).

const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** encodeBase64 returns the padded standard base64 encoding of b. */
export function encodeBase64(b: Uint8Array): string {
  let s = "";
  for (let i = 0; i < b.length; i += 3) {
    const n = (b[i]! << 16) | ((b[i + 1] ?? 0) << 8) | (b[i + 2] ?? 0);
    s += alphabet[n >> 18]! + alphabet[(n >> 12) & 63]!;
    s += i + 1 < b.length ? alphabet[(n >> 6) & 63]! : "=";
    s += i + 2 < b.length ? alphabet[n & 63]! : "=";
  }
  return s;
}
