import fs from "node:fs";
import type http from "node:http";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accepts, serve } from "./serve.mjs";

let dir: string;
let server: http.Server;
let base: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "serve-"));
  fs.mkdirSync(path.join(dir, "_astro"));
  fs.mkdirSync(path.join(dir, "lesson"));
  const js = "console.log('hello');".repeat(100);
  fs.writeFileSync(path.join(dir, "_astro", "app.abc123.js"), js);
  fs.writeFileSync(path.join(dir, "_astro", "app.abc123.js.br"), zlib.brotliCompressSync(js));
  fs.writeFileSync(path.join(dir, "_astro", "app.abc123.js.gz"), zlib.gzipSync(js));
  fs.writeFileSync(path.join(dir, "lesson", "index.html"), "<h1>lesson</h1>");
  fs.writeFileSync(path.join(dir, "404.html"), "<h1>not here</h1>");
  ({ server, url: base } = await serve(dir, 0));
});
afterAll(() => {
  server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("serve", () => {
  it("sends the Brotli copy when the client accepts it, gzip next, identity last", async () => {
    const br = await fetch(`${base}/_astro/app.abc123.js`, { headers: { "accept-encoding": "gzip, br" } });
    expect(br.headers.get("content-encoding"), "brotli preferred").toBe("br");
    expect(await br.text(), "fetch decodes the body").toContain("console.log('hello');");
    const gz = await fetch(`${base}/_astro/app.abc123.js`, { headers: { "accept-encoding": "gzip, br;q=0" } });
    expect(gz.headers.get("content-encoding"), "br;q=0 refuses brotli").toBe("gzip");
    const plain = await fetch(`${base}/_astro/app.abc123.js`, { headers: { "accept-encoding": "identity" } });
    expect(plain.headers.get("content-encoding"), "no encoding accepted").toBeNull();
    expect(plain.headers.get("content-length"), "identity length").toBe(String("console.log('hello');".length * 100));
  });

  it("makes hashed assets immutable and revalidates pages with ETag and 304", async () => {
    const asset = await fetch(`${base}/_astro/app.abc123.js`);
    expect(asset.headers.get("cache-control"), "hashed asset").toContain("immutable");
    const page = await fetch(`${base}/lesson/`);
    expect(page.headers.get("cache-control"), "page").toBe("no-cache");
    const etag = page.headers.get("etag");
    expect(etag, "page has a validator").toBeTruthy();
    const again = await fetch(`${base}/lesson/`, { headers: { "if-none-match": etag! } });
    expect(again.status, "unchanged page revalidates").toBe(304);
  });

  it("serves the site only below its base, as a host's subfolder would", async () => {
    const sub = (await serve(dir, 0, { base: "/course/" })) as { server: http.Server; url: string };
    try {
      const page = await fetch(`${sub.url}/course/lesson/`);
      expect(page.status, "a page below the base").toBe(200);
      expect(await page.text()).toContain("lesson");
      const asset = await fetch(`${sub.url}/course/_astro/app.abc123.js`);
      expect(asset.headers.get("cache-control"), "hashed asset below the base").toContain("immutable");
      expect((await fetch(`${sub.url}/lesson/`)).status, "the same path above the base").toBe(404);
      const missing = await fetch(`${sub.url}/course/nope/`);
      expect(await missing.text(), "404 page below the base").toContain("not here");
    } finally {
      sub.server.close();
    }
  });

  it("serves 404.html for missing files and refuses paths outside the root", async () => {
    const missing = await fetch(`${base}/nope/`);
    expect(missing.status, "missing page").toBe(404);
    expect(await missing.text(), "404 page body").toContain("not here");
    const escape = await fetch(`${base}/..%2F..%2Fetc%2Fpasswd`);
    expect(escape.status, "path traversal").toBe(403);
  });

  it("parses Accept-Encoding like a browser sends it", () => {
    expect(accepts("gzip, deflate, br, zstd", "br"), "plain list").toBe(true);
    expect(accepts("br;q=0, gzip", "br"), "q=0").toBe(false);
    expect(accepts("BR;q=0.5", "br"), "case and q").toBe(true);
    expect(accepts("", "gzip"), "empty").toBe(false);
  });
});
