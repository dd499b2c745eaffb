// A small static file server for the built site (dist/), behaving like a
// well-configured static host: directory index.html, no rewrites, the
// precompressed .br/.gz copies the build writes (chosen by Accept-Encoding),
// validators (ETag, 304), and caching that lets the next lesson reuse the
// editor: Astro's content-hashed /_astro/ files are immutable for a year,
// everything else is revalidated. Used by `npm start`, the browser tests and
// the benchmark. With a base ("/course/"), the site answers only below it, as
// a site built with BASE=/course/ and copied into a host's subfolder would.
//
//   node scripts/serve.mjs [dir=dist] [port=4321] [base=/]

import fs from "node:fs";
import http from "node:http";
import path from "node:path";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".wasm": "application/wasm",
  ".ttf": "font/ttf",
  ".woff2": "font/woff2",
  ".png": "image/png",
  ".txt": "text/plain; charset=utf-8",
  ".xml": "application/xml",
  ".webmanifest": "application/manifest+json",
};
/** Encodings we have precompressed copies for, in order of preference. */
const ENCODINGS = [
  ["br", ".br"],
  ["gzip", ".gz"],
];
const IMMUTABLE = "public, max-age=31536000, immutable";

/**
 * Starts serving `dir`; resolves with the server and its base URL.
 * `onResponse({ path, status, bytes })`, if given, hears of every response
 * with the bytes it put on the wire (headers and body), for the benchmark.
 * `base` is the URL folder the site lives in ("/" or e.g. "/course/").
 */
export function serve(dir, port = 0, { onResponse, base = "/" } = {}) {
  const root = path.resolve(dir);
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (onResponse) {
      const socket = req.socket;
      const before = socket.bytesWritten;
      res.on("finish", () =>
        onResponse({ path: url.pathname, status: res.statusCode, bytes: socket.bytesWritten - before }),
      );
    }
    // Below the base, paths map to files in dir; above it there is nothing.
    const inBase = url.pathname.startsWith(base) || `${url.pathname}/` === base;
    const sitePath = inBase ? `/${url.pathname.slice(base.length)}` : undefined;
    let file;
    try {
      file = sitePath === undefined ? undefined : path.join(root, decodeURIComponent(sitePath));
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (file === undefined) {
      res.writeHead(404, { "content-type": TYPES[".txt"] }).end("404 Not Found (outside the site's base)");
      return;
    }
    if (file !== root && !file.startsWith(root + path.sep)) {
      res.writeHead(403).end();
      return;
    }
    let info = stat(file);
    if (info?.isDirectory()) {
      file = path.join(file, "index.html");
      info = stat(file);
    }
    if (!info?.isFile()) {
      const notFound = path.join(root, "404.html");
      res.writeHead(404, { "content-type": TYPES[".html"] });
      res.end(stat(notFound)?.isFile() ? fs.readFileSync(notFound) : "404 Not Found");
      return;
    }
    const accepted = String(req.headers["accept-encoding"] ?? "");
    let body = file;
    let encoding;
    for (const [name, ext] of ENCODINGS) {
      const copy = accepts(accepted, name) ? stat(file + ext) : undefined;
      if (copy?.isFile()) {
        [encoding, body, info] = [name, file + ext, copy];
        break;
      }
    }
    const etag = `"${info.size.toString(36)}-${Math.floor(info.mtimeMs).toString(36)}${encoding ? `-${encoding}` : ""}"`;
    const headers = {
      "content-type": TYPES[path.extname(file)] ?? "application/octet-stream",
      "cache-control": url.pathname.startsWith(`${base}_astro/`) ? IMMUTABLE : "no-cache",
      etag,
      vary: "Accept-Encoding",
    };
    if (req.headers["if-none-match"] === etag) {
      res.writeHead(304, headers).end();
      return;
    }
    res.writeHead(200, {
      ...headers,
      "content-length": info.size,
      ...(encoding ? { "content-encoding": encoding } : {}),
    });
    if (req.method === "HEAD") res.end();
    else fs.createReadStream(body).pipe(res);
  });
  return new Promise((resolve) => {
    server.listen(port, "127.0.0.1", () => {
      const address = server.address();
      resolve({ server, url: `http://127.0.0.1:${address.port}` });
    });
  });
}

/** True if an Accept-Encoding header value accepts `name` (q=0 refuses it). */
export function accepts(header, name) {
  return header.split(",").some((part) => {
    const [token, ...params] = part.trim().split(";");
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    return token.trim().toLowerCase() === name && (q === undefined || Number(q.slice(2)) > 0);
  });
}

/** The file's stats, or undefined when there is none: one system call per look. */
function stat(p) {
  return fs.statSync(p, { throwIfNoEntry: false });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2] ?? "dist";
  const port = Number(process.argv[3] ?? 4321);
  const base = process.argv[4] ?? "/";
  const { url } = await serve(dir, port, { base });
  console.log(`Serving ${dir} at ${url}${base}`);
}
