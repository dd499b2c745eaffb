// The runtime translation check must flag English that a placeholder carries
// into a Chinese message, and nothing that is code. The cases are real
// placeholder values from grading the course's variants.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { englishProse, messageCoverage } from "./message-coverage";

describe("englishProse", () => {
  const prose: [string, string][] = [
    ["GET /products with a one-product store", "with"],
    ["POST with an empty body", "with"],
    ["POST of 5 KB", "of"],
    ["a javascript: URL", "a"],
    ["an unbalanced tree", "an"],
    ["zero quantity", "zero quantity"],
    ["Missing bearer scheme", "Missing bearer"],
    ["never (no deadline)", "never no"],
    ["two traceparent headers", "two traceparent"],
    ["the token `abc` expired", "the"],
  ];
  for (const [value, words] of prose)
    it(`flags ${JSON.stringify(value)}`, () => {
      expect(englishProse(value), `the prose found in ${JSON.stringify(value)}`).toBe(words);
    });

  const code = [
    "GET /products/2",
    "POST /products",
    'POST {"name":"mug","price":-1}',
    "404 Not Found",
    "405 Method Not Allowed",
    "12",
    "[1, 2, 3]",
    '{ error: "forbidden" }',
    '"a javascript: URL"',
    "`ctx.Err()`",
    "ErrInvalidQuantity",
    "Content-Type",
    "application/json",
    "runAll",
    "w.result().statusCode",
    "DELETE /orders/7",
    "undefined",
    "'not JSON'",
    "https://example.com/a?b=c",
    "150ms",
    "HTTP/1.1",
    "Method Not Allowed",
    "404 page not found",
    "Error: fetch 6: 503 Service Unavailable",
    "TypeError: store.list is not a function",
  ];
  for (const value of code)
    it(`leaves ${JSON.stringify(value)} alone`, () => {
      expect(englishProse(value), `${JSON.stringify(value)} is code, not prose`).toBeUndefined();
    });
});

describe("messageCoverage", () => {
  // Scratch under the repository's .tmp/, as every script's.
  const scratch = path.resolve(import.meta.dirname, "../../.tmp");
  fs.mkdirSync(scratch, { recursive: true });
  const root = fs.mkdtempSync(path.join(scratch, "coverage-"));
  const dir = path.join(root, "content", "m", "l");
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(
    path.join(dir, "index.zh-cn.mdx"),
    [
      "---",
      "messages:",
      '  "${what}: the JSON body the client received": "${what}：客户端收到的 JSON 正文"',
      '  "${n} tasks ran at once": "同时运行了 ${n} 个任务"',
      "values:",
      '  "POST with an empty body": "空请求体的 POST"',
      "---",
      "",
      "正文",
    ].join("\n"),
  );
  fs.mkdirSync(path.join(dir, "tests"), { recursive: true });
  fs.writeFileSync(
    path.join(dir, "tests", "l.test.ts"),
    'const reason = "timeout talking to payments";\nexport const fake = () => { throw new Error(reason); };\n' +
      'export const goError = errors.new("nil map write");\n',
  );
  const check = (message: string, platform?: unknown) =>
    messageCoverage([{ id: "m/l", dir, failures: [{ variant: "starter", test: "T > t", message, platform }] }], root);

  it("accepts code and translated values in placeholders", () => {
    expect(check("12 tasks ran at once: expected 12 to be 3 // Object.is equality"), "a number").toEqual([]);
    expect(check("GET /products/2: the JSON body the client received: expected {} to deeply equal {}"), "code").toEqual(
      [],
    );
    expect(check("POST with an empty body: the JSON body the client received"), "a value under values:").toEqual([]);
  });
  it("names English that a placeholder carries", () => {
    const problems = check("GET /products with a one-product store: the JSON body the client received");
    expect(problems[0], "the problem").toContain("${what} carries English");
    expect(problems[0], "names the file").toContain(path.join("content", "m", "l", "index.zh-cn.mdx"));
    expect(problems[1], "names variant and test").toBe('    (starter, "T > t")');
  });
  it("names a message no template matches, but not the runner's, Go's or a thrown error", () => {
    expect(check("the limit is 3: expected 4 to be 3")[0], "unmatched").toContain("no message template matches");
    expect(check("This lesson test did not run."), "runner").toEqual([]);
    expect(check("fatal error: all goroutines are asleep - deadlock!\n\ngoroutine 1 [chan send]:"), "Go").toEqual([]);
    expect(check("TypeError: store.list is not a function"), "thrown by learner code").toEqual([]);
    expect(check("disk on fire"), "an error the learner's code threw").toEqual([]);
    expect(check("nil map write"), "a Go error value the tests made, as Go prints it").toEqual([]);
    expect(check("This lesson test did not run.", { code: "lessonTestNotRun" }), "a platform code").toEqual([]);
  });
  it("names English the lesson's tests threw from a variable", () => {
    expect(check("timeout talking to payments")[0], "a fake's error that escaped").toContain(
      "the lesson's tests throw",
    );
  });
  it("names vitest's sentences with no Chinese shape, after a message or alone", () => {
    expect(check("12 tasks ran at once: expected 12 to be 3")[0], "after a template").toContain("has no Chinese shape");
    expect(check("expected [ 1 ] to deeply equal [ 2 ]"), "alone, known").toEqual([]);
    expect(check("expected the moon to rise")[0], "alone, unknown").toContain("has no Chinese shape");
  });
  it("reads a message that synctest.explore framed below its frame line", () => {
    const frame = "explore: failed with seed 3 (run 3 of 30); replay it with synctest.run(fn, { seed: 3 })\n\n";
    expect(
      check(`${frame}12 tasks ran at once: expected 12 to be 3 // Object.is equality`),
      "the inner message matched",
    ).toEqual([]);
    expect(check(`${frame}the limit is 3: expected 4 to be 3`)[0], "inner unmatched").toContain("the limit is 3");
  });
});
