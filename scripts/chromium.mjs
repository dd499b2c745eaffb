// Finding and launching a local Chromium for browser tests and the benchmark.
// Never downloads a browser: $CHROMIUM_PATH, or one on PATH (Debian's
// `chromium` package; scripts/ensure-chromium.sh installs it).

import { execFileSync } from "node:child_process";
import fs from "node:fs";

/** Flags that keep headless Chromium quiet and offline (no background requests). */
export const LAUNCH_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

/** @returns {string} the Chromium executable to use */
export function chromiumPath() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv && fs.existsSync(fromEnv)) return fromEnv;
  for (const name of ["chromium", "chromium-browser", "google-chrome"]) {
    try {
      const found = execFileSync("which", [name], { encoding: "utf8" }).trim();
      if (found) return found;
    } catch {
      // not on PATH
    }
  }
  throw new Error("No Chromium found: set CHROMIUM_PATH or run `bash scripts/ensure-chromium.sh`.");
}
