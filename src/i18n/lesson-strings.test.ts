import { describe, expect, it } from "vitest";
import { expectMessages, thrownMessages } from "./lesson-strings";
import { messageTranslator } from "./test-text";

/** The message keys of one test file holding `body` inside a test. */
const keys = (body: string) => expectMessages("x.test.ts", `it("t", () => {\n${body}\n});\n`);

describe("expectMessages", () => {
  it("keeps a template's placeholders as written", () => {
    expect(keys("expect(n, `${n} tasks ran at once; the limit is ${limit}`).toBe(3);"), "one key").toEqual([
      "${n} tasks ran at once; the limit is ${limit}",
    ]);
  });

  it("joins the parts of a + into one key", () => {
    expect(keys('expect(n, "got " + `${n}` + " tasks").toBe(3);'), "concatenated").toEqual(["got ${n} tasks"]);
  });

  it("gives each branch of c ? a : b its own key", () => {
    expect(
      keys("expect(ok, want ? `${method} is safe to send twice` : `${method} is not safe to send twice`).toBe(want);"),
      "two keys",
    ).toEqual(["${method} is safe to send twice", "${method} is not safe to send twice"]);
    expect(
      keys(
        'expect(s, role === "" ? `anonymous: ${s}` : want === 403 ? `${role}: ${s}; refused` : `${role}: ${s}`).toBe(1);',
      ),
      "nested: three keys, in order",
    ).toEqual(["anonymous: ${s}", "${role}: ${s}; refused", "${role}: ${s}"]);
    expect(keys('expect(n, (a ? "x " : "y ") + `${n}`).toBe(1);'), "a + of a conditional").toEqual([
      "x ${n}",
      "y ${n}",
    ]);
  });

  it("rejects a message it cannot read as text", () => {
    expect(() => keys("expect(n, message).toBe(3);"), "a variable").toThrow(
      /x\.test\.ts:2:11: an expect\(\) message must be a string or a template literal/,
    );
    expect(() => keys('expect(n, ok ? "fine" : reason).toBe(3);'), "one branch a variable").toThrow(
      /must be a string or a template literal/,
    );
  });

  it("rejects English words inside a placeholder, naming the literal", () => {
    expect(
      () => keys('expect(ok, `${method} is ${want ? "" : "not "}safe to send twice`).toBe(want);'),
      "ternary",
    ).toThrow(/x\.test\.ts:2:40: "not " puts English words inside a \$\{\.\.\.\} placeholder/);
    expect(() => keys('expect(s, `${role || "anonymous"} got ${s}`).toBe(1);'), "|| fallback").toThrow(
      /"anonymous" puts English words/,
    );
    expect(
      () => keys('expect(s, `POST ${body ?? ("(empty)")} got ${s}`).toBe(1);'),
      "?? fallback, parenthesized",
    ).toThrow(/"\(empty\)" puts English words/);
    expect(
      () => keys('expect(d, ok ? "fine" : `ends in ${String(d === null ? "never" : ms(d))}`).toBe(1);'),
      "inside a call, inside a branch",
    ).toThrow(/"never" puts English words/);
  });

  it("allows placeholders whose literals are not prose", () => {
    expect(
      keys(
        'expect(ct, `Content-Type "${h.get("Content-Type")}", ${n === 1 ? "" : "s"} ${x ?? "?"} ${q === "" ? "" : "?" + q}`).toBe(1);',
      ),
      "a call's argument, a letter, punctuation",
    ).toHaveLength(1);
  });
});

describe("a conditional message, translated", () => {
  it("finds the branch the failure took", () => {
    const [yes, no] = keys(
      "expect(ok, want ? `${method} is safe to send twice` : `${method} is not safe to send twice`).toBe(want);",
    );
    const t = messageTranslator({
      [String(yes)]: "${method} 可以安全地重复发送",
      [String(no)]: "${method} 不能安全地重复发送",
    });
    expect(t("GET is safe to send twice: expected false to be true"), "the first branch").toBe(
      "GET 可以安全地重复发送: expected false to be true",
    );
    expect(t("POST is not safe to send twice: expected true to be false"), "the second branch").toBe(
      "POST 不能安全地重复发送: expected true to be false",
    );
  });
});

describe("thrownMessages", () => {
  it("takes what a test's fake throws, not errors made as values or thrown variables", () => {
    const source = [
      'const fake = () => { throw new Error("timeout talking to payments"); };',
      "const step = (url: string) => { throw new TypeError(`fetch called with ${url}, which is not in the list`); };",
      'const value = new Error("disk full");',
      "const rethrow = (fail: string) => { throw new Error(fail); };",
      'const code = () => { throw new Error("42"); };',
    ].join("\n");
    expect(thrownMessages("x.test.ts", source)).toEqual([
      "timeout talking to payments",
      "fetch called with ${url}, which is not in the list",
    ]);
  });
});
