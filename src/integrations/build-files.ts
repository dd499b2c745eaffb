// The built site on disk, as the build-done hooks of the integrations here
// (lazy stylesheets, search index, service workers, precompression) read it.

import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The output directory Astro hands a build-done hook, as a path. */
export function outputRoot(dir: URL): string {
  return path.resolve(fileURLToPath(dir));
}

/** Every file under `dir`, recursively, as paths. */
export function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? walk(p) : [p];
  });
}
