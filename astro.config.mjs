// @ts-check
import mdx from "@astrojs/mdx";
import react from "@astrojs/react";
import { defineConfig } from "astro/config";
import { monacoLibsPlugin } from "./sandbox/build/monaco-libs-plugin.ts";
import { sandboxPlugin } from "./sandbox/build/vite-plugin.ts";
import { precompress } from "./src/integrations/precompress.ts";
import { CODE_THEMES } from "./src/lib/code-themes.ts";
import { serviceWorker } from "./src/integrations/service-worker.ts";

// A static site: `dist/` works from any static host, offline, with no server.
export default defineConfig({
  output: "static",
  trailingSlash: "always",
  // serviceWorker() before precompress(): sw.js gets compressed copies too.
  integrations: [mdx(), react(), serviceWorker(), precompress()],
  markdown: {
    shikiConfig: { themes: CODE_THEMES },
  },
  vite: {
    plugins: [sandboxPlugin(), monacoLibsPlugin()],
    // Pre-bundled up front so `astro dev` does not reload the page on the first Run.
    optimizeDeps: { include: ["esbuild-wasm"] },
    worker: { format: "es", plugins: () => [monacoLibsPlugin()] },
  },
});
