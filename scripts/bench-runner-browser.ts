// The runner bench's sandbox in headless Chromium: each Run gets a fresh
// classic Worker on the prelude blob, started SPARE_MS before the Run (as the
// sandbox frame keeps a spare), in a page with the sandbox's CSP. What the
// browser does that Node does not (its compile cache and compile hints, its
// postMessage and MessageChannel) shows here.

import { chromium, type Browser, type Page } from "playwright-core";
import { LAUNCH_ARGS, chromiumPath } from "./chromium.mjs";
import { SANDBOX_CSP } from "../sandbox/host/frame-document";
import type { RunResult } from "../sandbox/protocol";

/** How long a spare worker gets to parse the prelude before its Run (a learner's pause is longer). */
const SPARE_MS = Number(process.env.RUNNER_SPARE_MS ?? 400);

/** One Run's result and its wall time, script handed over to result back, in ms. */
export interface BrowserRun {
  result: RunResult;
  wall: number;
}

/** A page that runs Run scripts on `prelude`, one fresh worker each. */
export class BrowserSandbox {
  private constructor(
    private readonly browser: Browser,
    private readonly page: Page,
  ) {}

  static async open(prelude: string): Promise<BrowserSandbox> {
    const browser = await chromium.launch({ executablePath: chromiumPath(), args: LAUNCH_ARGS });
    const page = await browser.newPage();
    await page.setContent(
      `<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="${SANDBOX_CSP}"></head><body></body></html>`,
    );
    await page.evaluate((code) => {
      (window as unknown as { preludeUrl: string }).preludeUrl = URL.createObjectURL(
        new Blob([code], { type: "text/javascript" }),
      );
    }, prelude);
    return new BrowserSandbox(browser, page);
  }

  /** Runs `code` (sandboxScript's output, runId 1) in a spare worker. */
  run(code: string, timeoutMs: number): Promise<BrowserRun> {
    return this.page.evaluate(
      async ({ code, timeoutMs, spareMs }) => {
        const worker = new Worker((window as unknown as { preludeUrl: string }).preludeUrl);
        await new Promise((resolve) => setTimeout(resolve, spareMs));
        const t0 = performance.now();
        const result = await new Promise<RunResult>((resolve) => {
          const timer = setTimeout(() => resolve({ kind: "timeout", timeoutMs }), timeoutMs);
          worker.onmessage = (event: MessageEvent) => {
            const data = event.data as { type?: string; secret?: string; result?: string };
            if (data?.type !== "result" || data.secret !== "bench") return;
            clearTimeout(timer);
            resolve(JSON.parse(data.result!) as RunResult);
          };
          worker.postMessage({ type: "load", runId: 1, secret: "bench", code });
        });
        const wall = performance.now() - t0;
        worker.terminate();
        return { result, wall };
      },
      { code, timeoutMs, spareMs: SPARE_MS },
    );
  }

  close(): Promise<void> {
    return this.browser.close();
  }
}
