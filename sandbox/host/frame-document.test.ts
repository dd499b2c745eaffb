// The frame's own messages (a result too large to relay, a worker that
// failed) are platform text like the runner's: the same English and a code
// the protocol check accepts, so the page can translate them.
import vm from "node:vm";
import { describe, expect, it } from "vitest";
import { isPlatformText } from "../protocol-check";
import { platformText } from "../platform-text";
import { frameDocument } from "./frame-document";

/** Runs the frame's script with stub globals and returns its say(). */
function frameSay(): (code: string, params?: Record<string, string>) => { message: string; platform: unknown } {
  const script = /<script>([\s\S]*)<\/script>/.exec(frameDocument())![1]!;
  const context = vm.createContext({ addEventListener() {}, parent: { postMessage() {} } });
  vm.runInContext(script, context);
  return (context as { say: ReturnType<typeof frameSay> }).say;
}

describe("the frame's messages", () => {
  const say = frameSay();
  const cases: [string, Record<string, string> | undefined][] = [
    ["resultTooLarge", { size: "5.2" }],
    ["explorerTooLarge", undefined],
    ["sandboxWorkerFailed", { error: "boom {size} $& $1" }],
    ["sandboxNoPrelude", undefined],
  ];
  for (const [code, params] of cases) {
    it(`${code} is the platform's text with a well-formed code`, () => {
      const said = say(code, params);
      const expected = platformText(code as never, params);
      expect(said.message, "English").toBe(expected.message);
      expect(isPlatformText(said.platform), "accepted by the protocol check").toBe(true);
      expect(said.platform).toEqual(expected.platform);
    });
  }
});
