// Keeps the stylesheets of lazily loaded code out of the pages' <head>. Astro
// links every stylesheet a page's scripts can reach, dynamic import() included
// (withastro/astro#9495), so every lesson loaded Monaco's ~180 KB of CSS
// before any editor. Vite already loads a lazy chunk's CSS with the chunk
// (its preload helper inserts the <link> and waits for it before the import
// resolves), so the <head> links are only removed: the editor's stylesheet
// arrives with the editor, and the placeholder before it keeps its own styles.

import fs from "node:fs";
import type { AstroIntegration } from "astro";
import type { Plugin } from "vite";
import { outputRoot, walk } from "./build-files";

/** The part of a Rollup output chunk this needs, with Vite's CSS metadata. */
export interface ChunkInfo {
  fileName: string;
  isEntry: boolean;
  imports: string[];
  viteMetadata?: { importedCss: Set<string> };
}

/**
 * The CSS files that only lazily loaded chunks import: those of every chunk,
 * minus those reachable from an entry through static imports.
 */
export function lazyStylesheets(chunks: ChunkInfo[]): Set<string> {
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  const eager = new Set<string>();
  const seen = new Set<string>();
  const visit = (chunk: ChunkInfo | undefined) => {
    if (!chunk || seen.has(chunk.fileName)) return;
    seen.add(chunk.fileName);
    for (const css of chunk.viteMetadata?.importedCss ?? []) eager.add(css);
    for (const name of chunk.imports) visit(byName.get(name));
  };
  for (const chunk of chunks) if (chunk.isEntry) visit(chunk);
  const lazy = new Set<string>();
  for (const chunk of chunks)
    for (const css of chunk.viteMetadata?.importedCss ?? []) if (!eager.has(css)) lazy.add(css);
  return lazy;
}

/** `html` without its <link rel="stylesheet"> elements whose href is one of `hrefs`. */
export function withoutStylesheets(html: string, hrefs: Set<string>): string {
  return html.replace(/<link\b[^>]*>/g, (tag) => {
    const rel = /\brel="stylesheet"/.test(tag);
    const href = /\bhref="([^"]+)"/.exec(tag)?.[1];
    return rel && href !== undefined && hrefs.has(href) ? "" : tag;
  });
}

/** Astro integration: removes lazy chunks' stylesheets from the built pages' <head>. */
export function lazyCss(): AstroIntegration {
  let base = "/";
  const lazy = new Set<string>();
  const plugin: Plugin = {
    name: "lazy-css",
    apply: "build",
    generateBundle(_options, bundle) {
      // The client build only: its chunks are what the pages load.
      if (this.environment.config.consumer !== "client") return;
      const chunks = Object.values(bundle).flatMap((o) => (o.type === "chunk" ? [o as unknown as ChunkInfo] : []));
      for (const css of lazyStylesheets(chunks)) lazy.add(css);
    },
  };
  return {
    name: "lazy-css",
    hooks: {
      "astro:config:setup": ({ updateConfig }) => {
        updateConfig({ vite: { plugins: [plugin] } });
      },
      "astro:config:done": ({ config }) => {
        base = config.base.endsWith("/") ? config.base : `${config.base}/`;
      },
      "astro:build:done": ({ dir, logger }) => {
        const root = outputRoot(dir);
        const hrefs = new Set([...lazy].map((css) => `${base}${css}`));
        let pages = 0;
        for (const file of walk(root).filter((f) => f.endsWith(".html"))) {
          const html = fs.readFileSync(file, "utf8");
          const out = withoutStylesheets(html, hrefs);
          if (out === html) continue;
          fs.writeFileSync(file, out);
          pages++;
        }
        logger.info(`${[...lazy].join(", ") || "no stylesheet"} loaded with its chunk, not in <head> (${pages} pages)`);
      },
    },
  };
}
