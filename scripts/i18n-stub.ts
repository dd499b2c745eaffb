// Prints the `tests:` and `messages:` fields a lesson's translation needs
// (every describe/test name and expect() message of its tests, English as the
// value), as YAML to paste into index.zh-cn.mdx's frontmatter and translate.
// Keys already translated in an existing index.zh-cn.mdx keep their value, and
// its `values:` (English a placeholder captures) is carried over as it is.
//
//   npm run --silent i18n:stub -- content/04-channels/01-handoff-and-buffers

import fs from "node:fs";
import path from "node:path";
import YAML from "yaml";
import { lessonStrings } from "../src/i18n/lesson-strings";
import { splitMdx } from "../src/i18n/lesson-translation";

const dir = process.argv[2];
if (!dir || !fs.existsSync(path.join(dir, "tests"))) {
  console.error("usage: npm run --silent i18n:stub -- content/<module>/<lesson>  (a lesson with tests/)");
  process.exit(1);
}
const testsDir = path.join(dir, "tests");
const files = fs.readdirSync(testsDir).filter((n) => n.endsWith(".test.ts"));
const strings = lessonStrings(
  Object.fromEntries(files.map((n) => [n, fs.readFileSync(path.join(testsDir, n), "utf8")])),
);
const zhFile = path.join(dir, "index.zh-cn.mdx");
const have = fs.existsSync(zhFile) ? splitMdx(fs.readFileSync(zhFile, "utf8")).data : {};
const table = (keys: string[], old: unknown) =>
  Object.fromEntries(keys.map((k) => [k, ((old ?? {}) as Record<string, string>)[k] ?? k]));
process.stdout.write(
  YAML.stringify(
    {
      tests: table(strings.names, have.tests),
      messages: table(strings.messages, have.messages),
      // Values are found by grading (check-lessons names a missing one); the existing ones are kept.
      ...(have.values ? { values: have.values } : {}),
    },
    { lineWidth: 0 },
  ),
);
