// @ts-check
import mdx from "@astrojs/mdx";
import react from "@astrojs/react";
import { defineConfig } from "astro/config";
import { monacoLibsPlugin } from "./sandbox/build/monaco-libs-plugin.ts";
import { sandboxPlugin } from "./sandbox/build/vite-plugin.ts";
import { lazyCss } from "./src/integrations/lazy-css.ts";
import { searchIndex } from "./src/integrations/pagefind.ts";
import { rehypeBaseLinks } from "./src/lib/rehype-base-links.ts";
import { precompress } from "./src/integrations/precompress.ts";
import { CODE_THEMES } from "./src/lib/code-themes.ts";
import { serviceWorker } from "./src/integrations/service-worker.ts";

// A static site: `dist/` works from any static host, offline, with no server.
// BASE=/course/ builds for https://host/course/ (a subfolder); the default is the host's root.
const base = process.env.BASE || "/";

export default defineConfig({
  output: "static",
  base,
  trailingSlash: "always",
  // Order matters, the build:done hooks run in turn: lazyCss() edits the pages
  // first; the search index next, so the service workers precache it;
  // serviceWorker() before precompress(), so sw.js and the index's scripts get
  // compressed copies too.
  integrations: [mdx(), react(), lazyCss(), searchIndex(), serviceWorker(), precompress()],
  markdown: {
    rehypePlugins: [rehypeBaseLinks(base)],
    shikiConfig: { themes: CODE_THEMES },
  },
  vite: {
    plugins: [sandboxPlugin(), monacoLibsPlugin()],
    // Pre-bundled up front so `astro dev` does not reload the page on the first Run.
    optimizeDeps: { include: ["esbuild-wasm"] },
    worker: { format: "es", plugins: () => [monacoLibsPlugin()] },
  },
});
