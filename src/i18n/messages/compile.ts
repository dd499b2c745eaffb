// The sentences esbuild writes when a learner's file does not compile,
// recognised by their shape in the page (src/i18n/compile-text.ts): the
// English is the pattern, each {name} the token or name esbuild printed
// (quoted as esbuild quotes it), kept as printed. Shapes collected by
// compiling broken snippets with esbuild-wasm 0.28 (src/i18n/compile-text.test.ts); a sentence of no shape
// here stays in English.

import { defineMessages } from "./define";

export default defineMessages(
  {
    expectedFoundEof: "Expected {expected} but found end of file",
    expectedFound: "Expected {expected} but found {found}",
    unexpectedEof: "Unexpected end of file",
    unexpectedNewline: "Unexpected newline after {keyword}",
    unexpected: "Unexpected {token}",
    unterminatedString: "Unterminated string literal",
    unterminatedRegExp: "Unterminated regular expression",
    unterminatedComment: 'Expected "*/" to terminate multi-line comment',
    syntaxError: "Syntax error {token}",
    alreadyDeclared: "The symbol {name} has already been declared",
    constantInit: "The constant {name} must be initialized",
    boundTwice: "{name} cannot be bound multiple times in the same parameter list",
    duplicateLabel: "Duplicate label {name}",
    duplicateExport: "Multiple exports with the same name {name}",
    twoConstructors: "Classes cannot contain more than one constructor",
    invalidAssignment: "Invalid assignment target",
    cannotUseHere: "Cannot use {keyword} here:",
    notIdentifierHere: "Cannot use {name} as an identifier here:",
    reservedStrict: '{name} is a reserved word and cannot be used with the "esm" output format due to strict mode',
    withStrict: "With statements cannot be used in strict mode",
    awaitOutsideAsync: '"await" can only be used inside an "async" function',
    yieldOutsideGenerator: 'Cannot use "yield" outside a generator function',
    mixedNullish: "Cannot use {a} with {b} without parentheses",
    privateUndeclared: "Private name {name} must be declared in an enclosing class",
    // Bare words esbuild puts where a token would be ("Expected identifier but found ..."): translated as words.
    wordIdentifier: "identifier",
    wordString: "string",
  },
  {
    expectedFoundEof: "此处应为 {expected}，但文件已结束",
    expectedFound: "此处应为 {expected}，却遇到了 {found}",
    unexpectedEof: "文件意外结束",
    unexpectedNewline: "{keyword} 之后不能换行",
    unexpected: "意外的 {token}",
    unterminatedString: "字符串字面量没有结束",
    unterminatedRegExp: "正则表达式没有结束",
    unterminatedComment: '多行注释缺少结尾的 "*/"',
    syntaxError: "语法错误：{token}",
    alreadyDeclared: "符号 {name} 已经声明过了",
    constantInit: "常量 {name} 必须初始化",
    boundTwice: "{name} 在同一个参数列表中不能绑定多次",
    duplicateLabel: "重复的标签 {name}",
    duplicateExport: "有多个同名的导出 {name}",
    twoConstructors: "一个类只能有一个构造函数",
    invalidAssignment: "无效的赋值目标",
    cannotUseHere: "此处不能使用 {keyword}",
    notIdentifierHere: "此处不能把 {name} 用作标识符",
    reservedStrict: '{name} 是保留字，输出格式 "esm" 为严格模式，不能使用它',
    withStrict: "严格模式下不能使用 with 语句",
    awaitOutsideAsync: '"await" 只能在 "async" 函数中使用',
    yieldOutsideGenerator: '"yield" 只能在生成器函数中使用',
    mixedNullish: "{a} 与 {b} 一起使用时必须加括号",
    privateUndeclared: "私有名称 {name} 必须在外层的类中声明",
    wordIdentifier: "标识符",
    wordString: "字符串",
  },
);
