// Generates the service workers (Workbox) that make the built site work
// offline, one per language: `sw.js` for the English pages (scope: the site)
// and `<locale>/sw.js` for each other language (scope: its folder, which the
// browser prefers for those pages). Each precaches its language's pages, the
// search index of that language and the small shared assets, so a lesson
// never visited still opens offline and search works, without a learner
// downloading a language they do not read. A language is cached when a page
// of it is first visited. Astro's content-hashed /_astro/ files are cached on
// first use (cache first: a hashed URL never changes), so the editor and
// compiler (about 4.5 MB compressed) are not downloaded by a learner who only
// reads. src/lib/offline.ts registers the page's worker and adds to that
// cache the editor files fetched before the worker took control.

import fs from "node:fs";
import path from "node:path";
import type { AstroIntegration } from "astro";
import { generateSW } from "workbox-build";
import { OFFLINE_ASSET_CACHE as ASSET_CACHE } from "../../sandbox/protocol";
import { DEFAULT_LOCALE, LOCALES, type Locale } from "../i18n/locales";
import { SEARCH_DIR, searchFileLanguages, type PagefindEntry } from "./pagefind";
import { outputRoot, walk } from "./build-files";

/** Files above this are left to the runtime cache instead of the install-time precache. */
const PRECACHE_MAX_BYTES = 256 * 1024;

/** The folder of a locale's pages and service worker below the site root: "" or "zh-cn/". */
export const localeFolder = (locale: Locale) => (locale === DEFAULT_LOCALE ? "" : `${locale}/`);

/**
 * What the service worker of `locale` precaches, as Workbox globs relative to
 * the site root: the locale's pages, the site's 404 page (the offline
 * fallback), the small shared files, and the search files its language needs
 * (`searchFiles`: paths below the search folder, e.g. "index/en_1f.pf_index").
 */
export function precacheGlobs(
  locale: Locale,
  entry: PagefindEntry,
  searchFiles: string[],
): { globPatterns: string[]; globIgnores: string[] } {
  const folder = localeFolder(locale);
  const search = searchFiles.filter((file) => {
    const langs = searchFileLanguages(entry, path.posix.basename(file));
    return langs === "all" || langs.includes(locale);
  });
  return {
    globPatterns: [
      `${folder}**/*.html`,
      "404.html",
      "*.{svg,txt,json}",
      "_astro/*.{js,css}",
      ...search.map((file) => `${SEARCH_DIR}/${file}`),
    ],
    // The default locale's folder is the root: the other languages' folders are not its pages.
    globIgnores: [
      "**/sw.js",
      "workbox-*.js",
      `${SEARCH_DIR}/**/*.html`,
      ...LOCALES.filter((l) => l !== locale && localeFolder(l) !== "").map((l) => `${localeFolder(l)}**`),
    ],
  };
}

/** Astro integration: writes one service worker per locale after the build. */
export function serviceWorker(): AstroIntegration {
  let base = "/";
  return {
    name: "service-worker",
    hooks: {
      "astro:config:done": ({ config }) => {
        base = config.base.endsWith("/") ? config.base : `${config.base}/`;
      },
      "astro:build:done": async ({ dir, logger }) => {
        const root = outputRoot(dir);
        const searchRoot = path.join(root, SEARCH_DIR);
        const entry = JSON.parse(
          fs.readFileSync(path.join(searchRoot, "pagefind-entry.json"), "utf8"),
        ) as PagefindEntry;
        const searchFiles = walk(searchRoot).map((f) => path.relative(searchRoot, f).split(path.sep).join("/"));
        for (const locale of LOCALES) {
          const { count, size, warnings } = await generateSW({
            globDirectory: root,
            swDest: path.join(root, localeFolder(locale), "sw.js"),
            ...precacheGlobs(locale, entry, searchFiles),
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
                urlPattern: new RegExp(`${base}_astro/`.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")),
                handler: "CacheFirst",
                options: { cacheName: ASSET_CACHE, expiration: { maxEntries: 200 } },
              },
              {
                // Offline fallback: a page that is not precached (a wrong or newer
                // address, another language never visited) gets the site's own 404
                // page instead of the browser's error.
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
          logger.info(`${localeFolder(locale)}sw.js: ${count} files precached (${(size / 1024).toFixed(0)} KB)`);
        }
      },
    },
  };
}
