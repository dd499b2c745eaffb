import { describe, expect, it } from "vitest";
import { inlineCode } from "./inline-code";

describe("inlineCode", () => {
  it("turns backtick spans into code and escapes HTML", () => {
    expect(inlineCode("Keep `limit` <b>tasks</b>")).toBe("Keep <code>limit</code> &lt;b&gt;tasks&lt;/b&gt;");
  });
});
