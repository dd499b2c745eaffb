// Writes a Brotli (.br) and a gzip (.gz) copy beside every compressible file
// of the built site, so a static host that serves precompressed files (nginx
// gzip_static/brotli_static, Caddy `precompressed`, our scripts/serve.mjs)
// sends the editor's 23 MB of JavaScript and WebAssembly as about 5 MB without
// compressing on every request. Brotli at quality 11 takes tens of seconds
// for esbuild.wasm, so results are cached by content hash across builds.

import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import zlib from "node:zlib";
import type { AstroIntegration } from "astro";
import { outputRoot, walk } from "./build-files";

const COMPRESSIBLE = /\.(html|js|mjs|css|json|svg|wasm|ttf|txt|xml|map)$/;
/** Below this a compressed copy saves less than a request header weighs. */
const MIN_BYTES = 1024;
const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

export function precompress(): AstroIntegration {
  return {
    name: "precompress",
    hooks: {
      "astro:build:done": async ({ dir, logger }) => {
        // PRECOMPRESS=off: a build that is only tested, never hosted (the subfolder copy in scripts/test.sh).
        if (process.env.PRECOMPRESS === "off") return logger.info("skipped (PRECOMPRESS=off)");
        const root = outputRoot(dir);
        const cache = path.resolve("node_modules/.cache/precompress");
        fs.mkdirSync(cache, { recursive: true });
        const started = Date.now();
        const files = walk(root).filter((f) => COMPRESSIBLE.test(f) && fs.statSync(f).size >= MIN_BYTES);
        let raw = 0;
        let br = 0;
        await Promise.all(
          files.map(async (file) => {
            const body = fs.readFileSync(file);
            const key = crypto.createHash("sha256").update(body).digest("hex");
            const [b, g] = await Promise.all([
              cached(path.join(cache, `${key}.br`), () =>
                brotli(body, {
                  params: {
                    [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
                    [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length,
                  },
                }),
              ),
              cached(path.join(cache, `${key}.gz`), () => gzip(body, { level: 9 })),
            ]);
            fs.writeFileSync(`${file}.br`, b);
            fs.writeFileSync(`${file}.gz`, g);
            raw += body.length;
            br += b.length;
          }),
        );
        const mb = (n: number) => `${(n / 1e6).toFixed(2)} MB`;
        logger.info(
          `${files.length} files precompressed: ${mb(raw)} -> ${mb(br)} brotli in ${((Date.now() - started) / 1000).toFixed(1)} s`,
        );
      },
    },
  };
}

async function cached(file: string, make: () => Promise<Buffer>): Promise<Buffer> {
  if (fs.existsSync(file)) return fs.readFileSync(file);
  const data = await make();
  fs.writeFileSync(file, data);
  return data;
}
