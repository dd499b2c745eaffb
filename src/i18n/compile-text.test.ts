import * as esbuild from "esbuild-wasm";
import { describe, expect, it } from "vitest";
import { compileText } from "./compile-text";
import table from "./messages/compile";

/** The first error esbuild reports for `source` (a TypeScript module), as the compiler shows it. */
async function firstError(source: string): Promise<string> {
  try {
    await esbuild.transform(source, { loader: "ts", format: "esm", sourcefile: "main.ts" });
  } catch (e) {
    return (e as { errors: { text: string }[] }).errors[0]!.text;
  }
  throw new Error(`${JSON.stringify(source)} compiled`);
}

// Broken code, the sentence esbuild writes for it, and its Chinese: one row per shape of the table.
const CASES: [key: keyof (typeof table)["en"], source: string, english: string, chinese: string][] = [
  ["expectedFound", "let a = 1 x", 'Expected ";" but found "x"', '此处应为 ";"，却遇到了 "x"'],
  ["expectedFound", "const = 3;", 'Expected identifier but found "="', '此处应为 标识符，却遇到了 "="'],
  ["expectedFound", "import x from;", 'Expected string but found ";"', '此处应为 字符串，却遇到了 ";"'],
  ["expectedFoundEof", "function f( {", "Expected identifier but found end of file", "此处应为 标识符，但文件已结束"],
  ["unexpectedEof", "{", "Unexpected end of file", "文件意外结束"],
  ["unexpectedNewline", "throw\nnew Error()", 'Unexpected newline after "throw"', '"throw" 之后不能换行'],
  ["unexpected", "function f() { }}", 'Unexpected "}"', '意外的 "}"'],
  ["unterminatedString", 'const s = "abc', "Unterminated string literal", "字符串字面量没有结束"],
  ["unterminatedRegExp", "const x = /abc", "Unterminated regular expression", "正则表达式没有结束"],
  ["unterminatedComment", "/* abc", 'Expected "*/" to terminate multi-line comment', '多行注释缺少结尾的 "*/"'],
  ["syntaxError", "let x = 0b2", 'Syntax error "2"', '语法错误："2"'],
  ["alreadyDeclared", "let a = 1; let a = 2;", 'The symbol "a" has already been declared', '符号 "a" 已经声明过了'],
  ["constantInit", "const a;", 'The constant "a" must be initialized', '常量 "a" 必须初始化'],
  [
    "boundTwice",
    "function f(a, a) { 'use strict' }",
    '"a" cannot be bound multiple times in the same parameter list',
    '"a" 在同一个参数列表中不能绑定多次',
  ],
  ["duplicateLabel", "label: label: x", 'Duplicate label "label"', '重复的标签 "label"'],
  [
    "duplicateExport",
    "export default 1; export default 2;",
    'Multiple exports with the same name "default"',
    '有多个同名的导出 "default"',
  ],
  [
    "twoConstructors",
    "class A { constructor() {} constructor() {} }",
    "Classes cannot contain more than one constructor",
    "一个类只能有一个构造函数",
  ],
  ["invalidAssignment", "let x = 5 = 6", "Invalid assignment target", "无效的赋值目标"],
  ["cannotUseHere", "break;", 'Cannot use "break" here:', '此处不能使用 "break"'],
  ["notIdentifierHere", "let await = 1", 'Cannot use "await" as an identifier here:', '此处不能把 "await" 用作标识符'],
  [
    "reservedStrict",
    "let let = 1",
    '"let" is a reserved word and cannot be used with the "esm" output format due to strict mode',
    '"let" 是保留字，输出格式 "esm" 为严格模式，不能使用它',
  ],
  [
    "withStrict",
    "'use strict'; with (a) {}",
    "With statements cannot be used in strict mode",
    "严格模式下不能使用 with 语句",
  ],
  [
    "awaitOutsideAsync",
    "function f() { await g(); }",
    '"await" can only be used inside an "async" function',
    '"await" 只能在 "async" 函数中使用',
  ],
  [
    "yieldOutsideGenerator",
    "function f() { yield 1 }",
    'Cannot use "yield" outside a generator function',
    '"yield" 只能在生成器函数中使用',
  ],
  [
    "mixedNullish",
    "const y = x ?? a || b;",
    'Cannot use "||" with "??" without parentheses',
    '"||" 与 "??" 一起使用时必须加括号',
  ],
  [
    "privateUndeclared",
    "class A { #x; f() { this.#y } }",
    'Private name "#y" must be declared in an enclosing class',
    '私有名称 "#y" 必须在外层的类中声明',
  ],
];

describe("compileText", () => {
  for (const [key, source, english, chinese] of CASES) {
    it(`${key}: esbuild still writes ${JSON.stringify(english)} for ${JSON.stringify(source)}`, async () => {
      expect(await firstError(source)).toBe(english);
    });
    it(`${key}: translates ${JSON.stringify(english)}, keeping the tokens`, () => {
      expect(compileText(english, "zh-cn")).toBe(chinese);
      expect(compileText(english, "en")).toBe(english);
    });
  }

  it("has a case for every sentence shape of the table", () => {
    const shapes = Object.keys(table.en).filter((key) => !key.startsWith("word"));
    expect(shapes.filter((key) => !CASES.some(([k]) => k === key))).toEqual([]);
  });

  it.each([
    // Not esbuild's shape: no guessing.
    "Transforming async generator functions to the configured target environment is not supported yet",
    "Expected a test to run",
  ])("leaves %j in English", (message) => {
    expect(compileText(message, "zh-cn")).toBe(message);
  });

  it("translates a bare value only when it is one of esbuild's words, never by the prototype", () => {
    expect(compileText("Expected constructor but found toString", "zh-cn")).toBe(
      "此处应为 constructor，却遇到了 toString",
    );
  });
});
