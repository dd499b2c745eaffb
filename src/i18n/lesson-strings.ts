// Build time: the English strings of a lesson's tests that a learner reads,
// which a translation must cover. Test and describe names come from the
// collected test list (loops expanded, exactly as the runner reports them);
// failure messages are the templates of expect()'s second argument, with
// each ${expression} kept as written: `${n} tasks ran at once` is the key
// that src/i18n/test-text.ts matches against "12 tasks ran at once". A
// placeholder's value is not translated, so words never hide in one
// (`${ok ? "" : "not "}`): a message that depends on a condition is a
// `c ? a : b` of two whole templates, and each is a key of its own. What a
// test's fake or helper throws (`throw new Error("timeout talking to
// payments")`) reaches the learner as a failure message too, so its
// template is a message key as well.

import ts from "typescript";
import { collectLessonTests } from "../lib/lesson-tests";

export interface LessonStrings {
  /** Every describe and test name, once each, in file order. */
  names: string[];
  /** Every expect() message template and `throw new ...Error(...)` message template, once each, in file order. */
  messages: string[];
  /**
   * Every string literal of the tests with a letter in it: the English a
   * placeholder may capture (a helper's label, loop data), which a
   * translation's `values` may translate.
   */
  literals: string[];
}

/** `tests` maps test file name to TypeScript source. */
export function lessonStrings(tests: Record<string, string>): LessonStrings {
  const names = new Set<string>();
  for (const paths of Object.values(collectLessonTests(tests))) for (const p of paths) for (const n of p) names.add(n);
  const messages = new Set<string>();
  const literals = new Set<string>();
  for (const [file, source] of Object.entries(tests)) {
    for (const m of expectMessages(file, source)) messages.add(m);
    for (const m of thrownMessages(file, source)) messages.add(m);
    for (const s of stringLiterals(file, source)) literals.add(s);
  }
  return { names: [...names], messages: [...messages], literals: [...literals] };
}

/** The text of every string literal (and template without placeholders) in one file that has a letter in it. */
function stringLiterals(file: string, source: string): string[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && /[A-Za-z]/.test(node.text))
      found.push(node.text);
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

/** The message templates of every expect(value, message) in one file. */
export function expectMessages(file: string, source: string): string[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && isExpect(node.expression) && node.arguments[1]) {
      const message = node.arguments[1];
      const at = (n: ts.Node) => {
        const { line, character } = sf.getLineAndCharacterOfPosition(n.getStart(sf));
        return `${file}:${line + 1}:${character + 1}`;
      };
      const templates = templatesOf(message, sf);
      if (templates === undefined)
        throw new Error(
          `${at(message)}: an expect() message must be a string or a template literal (or a \`c ? a : b\` of them), so that it can be translated`,
        );
      const words = wordsInPlaceholder(message);
      if (words !== undefined)
        throw new Error(
          `${at(words)}: ${words.getText(sf)} puts English words inside a \${...} placeholder, which is never translated; choose between whole messages instead: c ? \`...\` : \`...\``,
        );
      found.push(...templates);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

/**
 * The message templates of every `throw new SomeError(message)` in one file
 * whose message is a string or template (a variable's text is not known
 * here: check-lessons reports one that reaches a learner in English).
 */
export function thrownMessages(file: string, source: string): string[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isThrowStatement(node)) {
      const thrown = skipParens(node.expression);
      if (
        ts.isNewExpression(thrown) &&
        ts.isIdentifier(thrown.expression) &&
        /Error$/.test(thrown.expression.text) &&
        thrown.arguments?.[0]
      )
        found.push(...(templatesOf(thrown.arguments[0], sf) ?? []).filter((t) => /[A-Za-z]/.test(t)));
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

/**
 * The template keys of a message: one for a string or template, the
 * concatenations for a `+`, both branches' for `c ? a : b`; undefined for
 * anything else (a variable, a call), whose text could not be translated.
 */
function templatesOf(node: ts.Expression, sf: ts.SourceFile): string[] | undefined {
  if (ts.isParenthesizedExpression(node)) return templatesOf(node.expression, sf);
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node.text];
  if (ts.isTemplateExpression(node)) {
    return [
      node.head.text + node.templateSpans.map((s) => "${" + s.expression.getText(sf) + "}" + s.literal.text).join(""),
    ];
  }
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const left = templatesOf(node.left, sf);
    const right = templatesOf(node.right, sf);
    return left === undefined || right === undefined ? undefined : left.flatMap((l) => right.map((r) => l + r));
  }
  if (ts.isConditionalExpression(node)) {
    const yes = templatesOf(node.whenTrue, sf);
    const no = templatesOf(node.whenFalse, sf);
    return yes === undefined || no === undefined ? undefined : [...yes, ...no];
  }
  return undefined;
}

/**
 * The first string literal with a word in it that a placeholder of message
 * chooses or falls back to (`${c ? "" : "not "}`, `${name || "anonymous"}`),
 * or undefined. Other literals in a placeholder, such as a call's argument
 * (`${h.get("Content-Type")}`), are not prose the learner reads.
 */
function wordsInPlaceholder(message: ts.Node): ts.StringLiteralLike | undefined {
  const wordy = (n: ts.Expression) => {
    const e = skipParens(n);
    return ts.isStringLiteralLike(e) && /[A-Za-z]{2,}/.test(e.text) ? e : undefined;
  };
  let found: ts.StringLiteralLike | undefined;
  const inHole = (node: ts.Node): void => {
    if (found) return;
    if (ts.isConditionalExpression(node)) found = wordy(node.whenTrue) ?? wordy(node.whenFalse);
    else if (
      ts.isBinaryExpression(node) &&
      (node.operatorToken.kind === ts.SyntaxKind.BarBarToken ||
        node.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken)
    )
      found = wordy(node.right);
    ts.forEachChild(node, inHole);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isTemplateSpan(node)) inHole(node.expression);
    else ts.forEachChild(node, visit);
  };
  visit(message);
  return found;
}

function skipParens(node: ts.Expression): ts.Expression {
  return ts.isParenthesizedExpression(node) ? skipParens(node.expression) : node;
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
