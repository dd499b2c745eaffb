import { describe, expect, it } from "vitest";
import { COMPILE_HINT, buildPrelude } from "./prelude";

describe("buildPrelude", () => {
  it("starts with V8's compile hint, so a spare worker compiles the runner before its Run", async () => {
    const code = await buildPrelude({ minify: true });
    expect(code.split("\n")[0]).toBe(COMPILE_HINT);
    expect((await buildPrelude({ minify: true, compileHint: false })).startsWith(COMPILE_HINT)).toBe(false);
  });
});
