// Prints the platform's performance figures, measured in headless Chromium
// against the built site (run `npm run build` first):
//   - lesson page JavaScript before the editor is requested (raw and gzip)
//   - editor + compiler payload (raw and gzip), and whether css/html/json workers shipped
//   - bytes on the wire (project's server): cold first lesson with editor, then the next lesson
//   - navigation to a ready editor (median of 5 cold loads)
//   - first-Run latency and warm Run-to-results (median of 20)
//   - API explorer round trip (median of 20)
//   - requests to any host but the site's
//
//   npm run bench

import fs from "node:fs";
import zlib from "node:zlib";
import { chromium } from "playwright-core";
import { LAUNCH_ARGS, chromiumPath } from "./chromium.mjs";
import { serve } from "./serve.mjs";

const LESSON = process.env.BENCH_LESSON ?? "01-foundations/01-task-runner";
const HTTP_LESSON = "03-http/01-products-api";
const RUN_LESSONS = [LESSON, "01-foundations/02-routing", "02-concurrency/01-goroutines-waitgroup"];

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const mb = (n) => `${(n / 1024 / 1024).toFixed(2)} MB`;
const ms = (n) => `${n.toFixed(1)} ms`;

if (!fs.existsSync("dist/index.html")) {
  console.error("bench: dist/ is missing; run `npm run build` first");
  process.exit(1);
}
/** Every response the server sends: { path, status, bytes on the wire }. */
const wire = [];
const { server, url } = await serve("dist", 0, { onResponse: (r) => wire.push(r) });
const origin = new URL(url).origin;
const browser = await chromium.launch({ executablePath: chromiumPath(), args: LAUNCH_ARGS });
const foreign = [];

async function newContext() {
  // The service worker is measured in 1b; here it would count each file twice.
  const context = await browser.newContext({
    permissions: ["clipboard-read", "clipboard-write"],
    serviceWorkers: "block",
  });
  await context.route("**/*", (route) => {
    const u = route.request().url();
    if (u.startsWith(origin) || u.startsWith("blob:") || u.startsWith("data:")) return route.continue();
    foreign.push(u);
    return route.abort();
  });
  return context;
}

/** Records every response body size (raw, gzip) with its order and type. */
function recordResponses(context) {
  const log = [];
  context.on("response", async (response) => {
    const entry = { url: response.url(), type: response.request().resourceType(), raw: 0, gz: 0, at: log.length };
    log.push(entry);
    try {
      const body = await response.body();
      entry.raw = body.length;
      entry.gz = zlib.gzipSync(body, { level: 6 }).length;
    } catch {
      // bodies of aborted or redirected responses are unavailable
    }
  });
  return log;
}

const isJs = (e) => /\.m?js(\?|$)/.test(e.url);
const isEditorChunk = (e) => /\/mount\.[^/]*\.js/.test(e.url);

// 1. Payload: JS before the editor is requested, then everything the editor and compiler pull in.
{
  const context = await newContext();
  const log = recordResponses(context);
  const page = await context.newPage();
  await page.goto(`${url}/${LESSON}/`, { waitUntil: "networkidle" });
  await page.waitForTimeout(500);
  const before = log.filter(isJs);
  const editorRequestedBefore = log.some(isEditorChunk);
  const mark = log.length;
  await page.locator("[data-exercise-mount]").scrollIntoViewIfNeeded();
  await page.locator(".monaco-editor").first().waitFor({ timeout: 60_000 });
  // Let the TypeScript worker and the compiler finish loading.
  await page.waitForLoadState("networkidle");
  await page.waitForTimeout(3000);
  const after = log.slice(mark);
  const sum = (xs, k) => xs.reduce((n, e) => n + e[k], 0);
  console.log(
    `lesson page JS before the editor is requested: ${kb(sum(before, "raw"))} raw, ${kb(sum(before, "gz"))} gzip in ${before.length} files${editorRequestedBefore ? " (WARNING: editor chunk requested on load)" : ""}`,
  );
  console.log(
    `editor + compiler payload: ${mb(sum(after, "raw"))} raw, ${mb(sum(after, "gz"))} gzip in ${after.length} files`,
  );
  for (const e of [...after].sort((a, b) => b.gz - a.gz).slice(0, 8)) {
    console.log(`    ${kb(e.gz).padStart(10)} gzip  ${kb(e.raw).padStart(11)} raw  ${e.url.replace(origin, "")}`);
  }
  const langWorkers = after.filter((e) => /(css|html|json)\.worker/.test(e.url));
  console.log(`css/html/json language workers loaded: ${langWorkers.length}`);
  await context.close();
}

// 1b. Bytes on the wire from the project's own server: a cold first lesson
// with its editor, then the next lesson in the same browser (HTTP cache on:
// this context does not intercept requests, which would disable the cache).
{
  const context = await browser.newContext();
  const page = await context.newPage();
  const visit = async (lesson) => {
    wire.length = 0;
    await page.goto(`${url}/${lesson}/`, { waitUntil: "domcontentloaded" });
    await page.locator("[data-exercise-mount]").scrollIntoViewIfNeeded();
    await page.locator(".monaco-editor .view-lines").first().waitFor({ timeout: 60_000 });
    await page.waitForLoadState("networkidle");
    await page.waitForTimeout(3000);
    const total = wire.reduce((n, r) => n + r.bytes, 0);
    const top = [...wire].sort((a, b) => b.bytes - a.bytes).slice(0, 4);
    return `${mb(total)} in ${wire.length} responses (${top.map((r) => `${r.path.replace(/^\/_astro\//, "")} ${kb(r.bytes)}`).join(", ")})`;
  };
  console.log(`bytes on the wire, cold first lesson with editor: ${await visit(LESSON)}`);
  console.log(`bytes on the wire, the next lesson: ${await visit(RUN_LESSONS[1])}`);
  await context.close();
}

// 2. Navigation to a ready editor (cold: fresh context each time).
{
  const times = [];
  for (let i = 0; i < 5; i++) {
    const context = await newContext();
    const page = await context.newPage();
    const t0 = Date.now();
    await page.goto(`${url}/${LESSON}/`, { waitUntil: "domcontentloaded" });
    await page.locator("[data-exercise-mount]").scrollIntoViewIfNeeded();
    await page.locator(".monaco-editor .view-lines").first().waitFor({ timeout: 60_000 });
    times.push(Date.now() - t0);
    await context.close();
  }
  console.log(`navigation to a ready editor: median ${ms(median(times))} (5 cold loads: ${times.join(", ")} ms)`);
}

/**
 * Clicks the button labelled `button` in the page and resolves with the ms
 * until the element labelled `region` bumps its `counter` attribute and the
 * next frame is painted.
 */
function timedClick(page, button, region, counter) {
  return page.evaluate(
    ([button, region, counter]) =>
      new Promise((resolve) => {
        const el = document.querySelector(`[aria-label="${region}"]`);
        const before = Number(el.getAttribute(counter));
        const t0 = performance.now();
        const observer = new MutationObserver(() => {
          if (Number(el.getAttribute(counter)) > before) {
            observer.disconnect();
            requestAnimationFrame(() => resolve(performance.now() - t0));
          }
        });
        observer.observe(el, { attributes: true, attributeFilter: [counter] });
        [...document.querySelectorAll("button")].find((b) => b.textContent.trim() === button).click();
      }),
    [button, region, counter],
  );
}

const timedRun = (page) => timedClick(page, "Run", "Test results", "data-run-count");
const timedSend = (page) => timedClick(page, "Send", "Response", "data-answer-count");

// 3. First Run right after the editor is ready, then 20 warm Runs, per lesson.
for (const lesson of RUN_LESSONS) {
  const context = await newContext();
  const page = await context.newPage();
  page.on("dialog", (d) => void d.accept());
  await page.goto(`${url}/${lesson}/`);
  await page.locator("[data-exercise-mount]").scrollIntoViewIfNeeded();
  await page.locator(".monaco-editor .view-lines").first().waitFor({ timeout: 60_000 });
  await page.getByRole("button", { name: "Show solution" }).click();
  const first = await timedRun(page);
  const split = async () => {
    const root = page.locator(".ex-root");
    return `compile ${await root.getAttribute("data-compile-ms")} ms, sandbox ${await root.getAttribute("data-sandbox-ms")} ms`;
  };
  const summary = await page.locator("[data-testid=summary]").textContent();
  console.log(
    `[${lesson}] first Run (editor just ready, compiler warming in background): ${ms(first)} (${await split()}) -> "${summary}"`,
  );
  // BENCH_SETTLE_MS: idle time before the warm Runs, e.g. to let Monaco's TS worker finish type-checking.
  await page.waitForTimeout(Number(process.env.BENCH_SETTLE_MS ?? 0));
  const warm = [];
  const compiles = [];
  const esbuilds = [];
  const sandboxes = [];
  for (let i = 0; i < 20; i++) {
    // A learner reads results between Runs; give the sandbox that moment to prepare its spare worker.
    await page.waitForTimeout(300);
    warm.push(await timedRun(page));
    const root = page.locator(".ex-root");
    compiles.push(Number(await root.getAttribute("data-compile-ms")));
    esbuilds.push(Number(await root.getAttribute("data-esbuild-ms")));
    sandboxes.push(Number(await root.getAttribute("data-sandbox-ms")));
  }
  console.log(
    `[${lesson}] warm Run to results rendered: median ${ms(median(warm))} over 20 (min ${ms(Math.min(...warm))}, max ${ms(Math.max(...warm))}); median compile ${ms(median(compiles))} (esbuild ${ms(median(esbuilds))}), sandbox ${ms(median(sandboxes))}`,
  );
  await context.close();
}

// 4. API explorer round trip on the products lesson.
{
  const context = await newContext();
  const page = await context.newPage();
  page.on("dialog", (d) => void d.accept());
  await page.goto(`${url}/${HTTP_LESSON}/`);
  await page.locator("[data-exercise-mount]").scrollIntoViewIfNeeded();
  await page.locator(".monaco-editor .view-lines").first().waitFor({ timeout: 60_000 });
  await page.getByRole("button", { name: "Show solution" }).click();
  await timedRun(page);
  await page.getByLabel("Path", { exact: true }).fill("/products");
  const trips = [];
  for (let i = 0; i < 20; i++) {
    trips.push(await timedSend(page));
  }
  console.log(`API explorer round trip (GET /products): median ${ms(median(trips))} over 20`);
  await context.close();
}

console.log(
  `requests to hosts other than the site: ${foreign.length}${foreign.length ? " " + foreign.join(", ") : ""}`,
);
await browser.close();
server.close();
