// One rule for lesson tests, so failures speak the lesson: every expect()
// carries a message saying what the learner should read when it fails
// ("12 tasks ran at once; the limit is 3"), not only "expected 12 to be 3".
// Vitest prints the message before the diff.

import fs from "node:fs";
import ts from "typescript";

/** Problems in one test file, as "path:line:col: message" strings. */
export function checkTestMessages(file) {
  const text = fs.readFileSync(file, "utf8");
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const problems = [];
  const visit = (node) => {
    if (ts.isCallExpression(node) && isExpect(node.expression) && node.arguments.length < 2) {
      const { line, character } = source.getLineAndCharacterOfPosition(node.getStart(source));
      problems.push(
        `${file}:${line + 1}:${character + 1}: expect() without a message for the learner (AUTHORING.md, "Every expect carries a message")`,
      );
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return problems;
}

/** `expect(...)` or `expect.soft(...)`; not expect.assertions(), expect.any(), ... */
function isExpect(callee) {
  if (ts.isIdentifier(callee)) return callee.text === "expect";
  return (
    ts.isPropertyAccessExpression(callee) &&
    ts.isIdentifier(callee.expression) &&
    callee.expression.text === "expect" &&
    callee.name.text === "soft"
  );
}
