// Build time: the English strings of a lesson's tests that a learner reads,
// which a translation must cover. Test and describe names come from the
// collected test list (loops expanded, exactly as the runner reports them);
// failure messages are the templates of expect()'s second argument, with
// each ${expression} kept as written: `${n} tasks ran at once` is the key
// that src/i18n/test-text.ts matches against "12 tasks ran at once".

import ts from "typescript";
import { collectLessonTests } from "../lib/lesson-tests";

export interface LessonStrings {
  /** Every describe and test name, once each, in file order. */
  names: string[];
  /** Every expect() message template, once each, in file order. */
  messages: string[];
}

/** `tests` maps test file name to TypeScript source. */
export function lessonStrings(tests: Record<string, string>): LessonStrings {
  const names = new Set<string>();
  for (const paths of Object.values(collectLessonTests(tests))) for (const p of paths) for (const n of p) names.add(n);
  const messages = new Set<string>();
  for (const [file, source] of Object.entries(tests)) for (const m of expectMessages(file, source)) messages.add(m);
  return { names: [...names], messages: [...messages] };
}

/** The message templates of every expect(value, message) in one file. */
export function expectMessages(file: string, source: string): string[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && isExpect(node.expression) && node.arguments[1]) {
      const template = templateOf(node.arguments[1], sf);
      if (template === undefined) {
        const { line, character } = sf.getLineAndCharacterOfPosition(node.arguments[1].getStart(sf));
        throw new Error(
          `${file}:${line + 1}:${character + 1}: an expect() message must be a string or a template literal, so that it can be translated`,
        );
      }
      found.push(template);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

/** A string, template, or `+` of them, as a template key; undefined for anything else. */
function templateOf(node: ts.Expression, sf: ts.SourceFile): string | undefined {
  if (ts.isParenthesizedExpression(node)) return templateOf(node.expression, sf);
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) {
    return (
      node.head.text + node.templateSpans.map((s) => "${" + s.expression.getText(sf) + "}" + s.literal.text).join("")
    );
  }
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const left = templateOf(node.left, sf);
    const right = templateOf(node.right, sf);
    return left === undefined || right === undefined ? undefined : left + right;
  }
  return undefined;
}

function isExpect(callee: ts.Expression): boolean {
  if (ts.isIdentifier(callee)) return callee.text === "expect";
  return (
    ts.isPropertyAccessExpression(callee) &&
    ts.isIdentifier(callee.expression) &&
    callee.expression.text === "expect" &&
    callee.name.text === "soft"
  );
}
