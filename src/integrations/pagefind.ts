// Builds the search index with Pagefind (https://pagefind.app) into
// dist/pagefind/ once the pages are written. Pagefind indexes only what a
// page marks with data-pagefind-body (the lesson text: the sidebar, header,
// exercise and quiz chrome are outside it or marked data-pagefind-ignore),
// and splits each page at headings with ids, so a result links to a section.
// It keeps one index per language, by each page's <html lang> (English and
// Chinese lessons; Chinese text is split into words by Pagefind's extended
// build, which the npm package runs), and the page's pagefind.js loads the
// index of its own language.
// It must run before serviceWorker() (which precaches the index, so search
// works offline) and precompress(): astro.config.mjs lists it first.

import fs from "node:fs";
import path from "node:path";
import type { AstroIntegration } from "astro";
import * as pagefind from "pagefind";
import { outputRoot, walk } from "./build-files";

/** The folder below the site root that holds the index; src/lib/search.ts loads it from there. */
export const SEARCH_DIR = "pagefind";

/** Astro integration: writes the Pagefind index after the build. */
export function searchIndex(): AstroIntegration {
  return {
    name: "search-index",
    hooks: {
      "astro:build:done": async ({ dir, logger }) => {
        const root = outputRoot(dir);
        const started = Date.now();
        const { index, errors } = await pagefind.createIndex({});
        if (!index) throw new Error(`Pagefind: ${errors.join("; ")}`);
        try {
          const added = await index.addDirectory({ path: root, glob: "**/*.html" });
          if (added.errors.length > 0) throw new Error(`Pagefind: ${added.errors.join("; ")}`);
          // Pages without data-pagefind-body (home, 404) are skipped: only lessons are searched.
          if (added.page_count === 0) throw new Error("Pagefind indexed no page: is data-pagefind-body missing?");
          const output = path.join(root, SEARCH_DIR);
          const written = await index.writeFiles({ outputPath: output });
          if (written.errors.length > 0) throw new Error(`Pagefind: ${written.errors.join("; ")}`);
          // The site has its own search dialog (src/lib/search.ts, JS API only):
          // Pagefind's prebuilt UIs (~400 KB) would only swell the precache.
          for (const file of fs.readdirSync(output)) {
            if (/^pagefind-(ui|modular-ui|component-ui|highlight)\./.test(file)) fs.rmSync(path.join(output, file));
          }
          const files = walk(output);
          const bytes = files.reduce((sum, f) => sum + fs.statSync(f).size, 0);
          const entry = JSON.parse(fs.readFileSync(path.join(output, "pagefind-entry.json"), "utf8")) as PagefindEntry;
          const sizes = Object.fromEntries(files.map((f) => [path.basename(f), fs.statSync(f).size]));
          const perLanguage = Object.entries(bytesPerLanguage(entry, sizes))
            .map(([lang, n]) => `${lang} ${n}`)
            .join(", ");
          logger.info(
            `${added.page_count} pages indexed: ${SEARCH_DIR}/ is ${bytes} bytes (per language: ${perLanguage}) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
          );
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}

/** The part of Pagefind's pagefind-entry.json that names each language's files. */
export interface PagefindEntry {
  languages: Record<string, { hash: string; wasm: string | null }>;
}

/**
 * The languages whose search needs a file of the search folder: its .pf_meta,
 * index/ and fragment/ files are named after the language, and the entry
 * names the wasm it loads ("unknown" for a language without a stemmer, like
 * Chinese, so languages may share one). Any other file (pagefind.js, its
 * worker, the entry) is for "all". `name` is the file's name without its folder.
 */
export function searchFileLanguages(entry: PagefindEntry, name: string): string[] | "all" {
  const langs = Object.entries(entry.languages)
    .filter(
      ([lang, { wasm }]) =>
        name.startsWith(`${lang}_`) ||
        name.startsWith(`pagefind.${lang}_`) ||
        name === `wasm.${wasm ?? "unknown"}.pagefind`,
    )
    .map(([lang]) => lang);
  return langs.length > 0 ? langs : "all";
}

/**
 * Bytes of each language's own index (see searchFileLanguages). `sizes` maps
 * each file's name (no folder) to its bytes; precompressed copies are not counted.
 */
export function bytesPerLanguage(entry: PagefindEntry, sizes: Record<string, number>): Record<string, number> {
  const totals: Record<string, number> = Object.fromEntries(Object.keys(entry.languages).map((l) => [l, 0]));
  for (const [name, n] of Object.entries(sizes)) {
    const langs = /\.(br|gz)$/.test(name) ? "all" : searchFileLanguages(entry, name);
    if (langs !== "all") for (const lang of langs) totals[lang] = (totals[lang] ?? 0) + n;
  }
  return totals;
}
