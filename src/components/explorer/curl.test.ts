import { describe, expect, it } from "vitest";
import { normalizePath, shellQuote, toCurl } from "./curl";

describe("shellQuote", () => {
  it("wraps in single quotes and escapes embedded quotes", () => {
    expect(shellQuote("abc")).toBe("'abc'");
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
    expect(shellQuote("")).toBe("''");
    expect(shellQuote('$HOME `x` "y" \\n')).toBe(`'$HOME \`x\` "y" \\n'`);
  });
});

describe("normalizePath", () => {
  it("adds a leading slash and strips origins", () => {
    expect(normalizePath("products")).toBe("/products");
    expect(normalizePath("  /a?b=1 ")).toBe("/a?b=1");
    expect(normalizePath("http://localhost:8080/x/y?z")).toBe("/x/y?z");
    expect(normalizePath("https://example.com")).toBe("/");
    expect(normalizePath("")).toBe("/");
  });
});

describe("toCurl", () => {
  it("builds a POST with headers and body", () => {
    expect(
      toCurl({
        method: "POST",
        path: "/products",
        headers: [["Content-Type", "application/json"]],
        body: '{"name":"O\'Brien"}',
      }),
    ).toBe(
      `curl -X POST 'http://localhost:8080/products' -H 'Content-Type: application/json' --data '{"name":"O'\\''Brien"}'`,
    );
  });

  it("omits the body for GET and HEAD and uses -I for HEAD", () => {
    expect(toCurl({ method: "get", path: "/a", headers: [], body: "ignored" })).toBe(
      "curl -X GET 'http://localhost:8080/a'",
    );
    expect(toCurl({ method: "HEAD", path: "/a", headers: [], body: "x" })).toBe("curl -I 'http://localhost:8080/a'");
  });

  it("skips empty header names, uses --data-raw for @ bodies, honours origin", () => {
    expect(
      toCurl(
        {
          method: "PUT",
          path: "x",
          headers: [
            ["", "v"],
            [" X-A ", "1 2"],
          ],
          body: "@file",
        },
        "https://api.test/",
      ),
    ).toBe("curl -X PUT 'https://api.test/x' -H 'X-A: 1 2' --data-raw '@file'");
  });

  it("keeps multi-line bodies inside the quotes", () => {
    expect(toCurl({ method: "POST", path: "/", headers: [], body: "a\nb" })).toBe(
      "curl -X POST 'http://localhost:8080/' --data 'a\nb'",
    );
  });
});
