// Build time: the "forgotten await" example from sandbox/go/README.md, so the
// reference quotes the runtime's own documentation rather than a copy.

import fs from "node:fs";
import path from "node:path";

/** The first code block under "## A forgotten await" in `readme`; throws if the section is gone. */
export function forgottenAwaitExample(readme = path.resolve("sandbox/go/README.md")): string {
  const text = fs.readFileSync(readme, "utf8");
  const match = /## A forgotten await[\s\S]*?```\w*\n([\s\S]*?)```/.exec(text);
  if (!match) throw new Error(`${readme}: no code block under "## A forgotten await"`);
  return match[1]!.trimEnd();
}
