import fs from "node:fs";
import path from "node:path";
import { globSync } from "glob";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { precacheGlobs } from "./service-worker";

const entry = {
  languages: { en: { hash: "en_5a7d", wasm: "en" }, "zh-cn": { hash: "zh-cn_4a4e", wasm: null } },
};
const searchFiles = [
  "pagefind.js",
  "pagefind-worker.js",
  "pagefind-entry.json",
  "pagefind.en_5a7d.pf_meta",
  "pagefind.zh-cn_4a4e.pf_meta",
  "index/en_1f.pf_index",
  "index/zh-cn_2e.pf_index",
  "fragment/en_3d.pf_fragment",
  "fragment/zh-cn_4c.pf_fragment",
  "wasm.en.pagefind",
  "wasm.unknown.pagefind",
];
const site = [
  "index.html",
  "404.html",
  "favicon.svg",
  "sw.js",
  "01-m/01-l/index.html",
  "reference/index.html",
  "zh-cn/index.html",
  "zh-cn/sw.js",
  "zh-cn/01-m/01-l/index.html",
  "_astro/mount.abc.js",
  "_astro/mount.abc.css",
  "_astro/esbuild.abc.wasm",
  ...searchFiles.map((f) => `pagefind/${f}`),
];

// A stand-in site on disk, matched by the glob library Workbox uses.
let root: string;
beforeAll(() => {
  fs.mkdirSync("node_modules/.cache", { recursive: true });
  root = fs.mkdtempSync(path.resolve("node_modules/.cache/sw-globs-"));
  for (const file of site) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), "");
  }
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

/** The files of `site` a locale's service worker precaches, in `site`'s order. */
function precached(locale: "en" | "zh-cn"): string[] {
  const { globPatterns, globIgnores } = precacheGlobs(locale, entry, searchFiles);
  const found = new Set(globPatterns.flatMap((g) => globSync(g, { cwd: root, ignore: globIgnores, posix: true })));
  return site.filter((f) => found.has(f));
}

describe("precacheGlobs", () => {
  it("gives the English worker the English pages and index, the 404 page and shared files", () => {
    expect(precached("en")).toEqual([
      "index.html",
      "404.html",
      "favicon.svg",
      "01-m/01-l/index.html",
      "reference/index.html",
      "_astro/mount.abc.js",
      "_astro/mount.abc.css",
      "pagefind/pagefind.js",
      "pagefind/pagefind-worker.js",
      "pagefind/pagefind-entry.json",
      "pagefind/pagefind.en_5a7d.pf_meta",
      "pagefind/index/en_1f.pf_index",
      "pagefind/fragment/en_3d.pf_fragment",
      "pagefind/wasm.en.pagefind",
    ]);
  });

  it("gives the Chinese worker its own pages and index, and the same 404 page and shared files", () => {
    expect(precached("zh-cn")).toEqual([
      "404.html",
      "favicon.svg",
      "zh-cn/index.html",
      "zh-cn/01-m/01-l/index.html",
      "_astro/mount.abc.js",
      "_astro/mount.abc.css",
      "pagefind/pagefind.js",
      "pagefind/pagefind-worker.js",
      "pagefind/pagefind-entry.json",
      "pagefind/pagefind.zh-cn_4a4e.pf_meta",
      "pagefind/index/zh-cn_2e.pf_index",
      "pagefind/fragment/zh-cn_4c.pf_fragment",
      "pagefind/wasm.unknown.pagefind",
    ]);
  });
});
