// Generates the service worker (Workbox) that makes the built site work
// offline. It precaches every page and the small assets, so a lesson never
// visited still opens offline, and caches Astro's content-hashed /_astro/
// files on first use (cache first: a hashed URL never changes), so the
// editor and compiler (about 5 MB compressed) are not downloaded by a learner
// who only reads. src/lib/offline.ts registers it and adds to that cache the
// editor files fetched before the worker took control.

import path from "node:path";
import type { AstroIntegration } from "astro";
import { generateSW } from "workbox-build";
import { OFFLINE_ASSET_CACHE as ASSET_CACHE } from "../../sandbox/protocol";
import { SEARCH_DIR } from "./pagefind";

/** Files above this are left to the runtime cache instead of the install-time precache. */
const PRECACHE_MAX_BYTES = 256 * 1024;

export function serviceWorker(): AstroIntegration {
  let base = "/";
  return {
    name: "service-worker",
    hooks: {
      "astro:config:done": ({ config }) => {
        base = config.base.endsWith("/") ? config.base : `${config.base}/`;
      },
      "astro:build:done": async ({ dir, logger }) => {
        const root = path.resolve(decodeURIComponent(dir.pathname));
        const assets = `${base}_astro/`;
        const { count, size, warnings } = await generateSW({
          globDirectory: root,
          swDest: path.join(root, "sw.js"),
          // The search index (src/integrations/pagefind.ts, run before this) is
          // precached whole: a few hundred KB, and search must work offline.
          globPatterns: ["**/*.{html,svg,txt,json}", "_astro/*.{js,css}", `${SEARCH_DIR}/**/*`],
          globIgnores: ["sw.js", "workbox-*.js"],
          maximumFileSizeToCacheInBytes: PRECACHE_MAX_BYTES,
          // A hashed name is its revision: Workbox then fetches the file without
          // bypassing the HTTP cache, so what the page just loaded is not downloaded twice.
          dontCacheBustURLsMatching: /(^|\/)_astro\//,
          modifyURLPrefix: { "": base },
          // "/lesson/" is served by "/lesson/index.html".
          directoryIndex: "index.html",
          // Pagefind asks for pagefind-entry.json?ts=<now> to bypass the HTTP cache.
          ignoreURLParametersMatching: [/^utm_/, /^fbclid$/, /^ts$/],
          cleanupOutdatedCaches: true,
          clientsClaim: true,
          // A new deployment waits until the learner chooses to reload (src/lib/update-prompt.ts):
          // nothing changes under a page or a Run in progress. With skipWaiting false,
          // Workbox adds the listener for the page's {type: "SKIP_WAITING"} message.
          skipWaiting: false,
          inlineWorkboxRuntime: true,
          sourcemap: false,
          mode: "production",
          runtimeCaching: [
            {
              // A RegExp, not a function: Workbox copies it into sw.js as source.
              urlPattern: new RegExp(assets.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")),
              handler: "CacheFirst",
              options: { cacheName: ASSET_CACHE, expiration: { maxEntries: 200 } },
            },
            {
              // Offline fallback: a page that is not precached (a wrong or newer
              // address) gets the site's own 404 page instead of the browser's error.
              urlPattern: ({ request }) => request.mode === "navigate",
              handler: "NetworkOnly",
              options: { precacheFallback: { fallbackURL: `${base}404.html` } },
            },
          ],
        });
        // Files too large to precache are expected: they go to the runtime cache.
        // Not so for the search index: offline search needs every file of it.
        const missing = warnings.filter((w) => w.includes(`${SEARCH_DIR}/`));
        if (missing.length > 0) throw new Error(`search index not precached: ${missing.join("; ")}`);
        const real = warnings.filter((w) => !w.includes("maximumFileSizeToCacheInBytes"));
        for (const w of real) logger.warn(w);
        logger.info(`sw.js: ${count} files precached (${(size / 1024).toFixed(0)} KB)`);
      },
    },
  };
}
