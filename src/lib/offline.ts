// Registers the page's service worker (built by src/integrations/service-worker.ts:
// one per language, scoped to its language's folder, so a learner caches the
// pages and search index of the languages they read) and makes sure the
// editor works offline after one online visit: files the page fetched before
// the worker took control (the first visit) are added to the worker's asset
// cache as they appear. esbuild.wasm, fetched out of the
// page's sight, is kept by the compile worker itself.

import { OFFLINE_ASSET_CACHE as ASSET_CACHE } from "../../sandbox/protocol";
import { DEFAULT_LOCALE } from "../i18n/locales";
import { pageLocale } from "../i18n/page-locale";
import { offerUpdates } from "./update-prompt";

export function keepOffline(): void {
  // Service workers need a secure context (https or localhost); plain-http
  // hosting simply goes without offline support.
  if (!("serviceWorker" in navigator) || !window.isSecureContext) return;
  const base = import.meta.env.BASE_URL.replace(/\/?$/, "/");
  const locale = pageLocale(document);
  const scope = locale === DEFAULT_LOCALE ? base : `${base}${locale}/`;
  navigator.serviceWorker.register(`${scope}sw.js`, { scope }).then(
    (registration) => offerUpdates(registration, document),
    (error: unknown) => {
      console.warn("Offline support is unavailable:", error);
    },
  );
  void navigator.serviceWorker.ready.then(async () => {
    const cache = await caches.open(ASSET_CACHE);
    const assets = new URL(`${base}_astro/`, location.href).href;
    const seen = new Set<string>();
    const keep = (url: string) => {
      if (!url.startsWith(assets) || seen.has(url)) return;
      seen.add(url);
      // The HTTP cache usually answers this fetch; failures only mean less offline.
      void (async () => {
        if (!(await cache.match(url))) await cache.add(url);
      })().catch(() => undefined);
    };
    for (const entry of performance.getEntriesByType("resource")) keep(entry.name);
    new PerformanceObserver((list) => list.getEntries().forEach((e) => keep(e.name))).observe({
      type: "resource",
    });
  });
}
