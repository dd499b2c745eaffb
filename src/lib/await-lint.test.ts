import { describe, expect, it } from "vitest";
import { translator } from "../i18n/messages/define";
import messages from "../i18n/messages/exercise";
import { findUnawaitedCalls } from "./await-lint";

const lines = (src: string) => findUnawaitedCalls(src).map((w) => w.line);

describe("findUnawaitedCalls", () => {
  it("flags blocking calls used as statements without await", () => {
    const src = [
      "export async function work(ch: Chan<number>, mu: Mutex, wg: WaitGroup) {",
      "  ch.send(1);", // 2
      "  this.results.recv();", // 3
      "  mu.lock();", // 4
      "  wg.wait()", // 5
      "  time.sleep(10 * time.Millisecond);", // 6
      "  select(ch.recvCase(() => {}));", // 7
      "  gosched();", // 8
      "  sem?.acquire(ctx, 1);", // 9
      "  if (ok)",
      "    ch.send(2);", // 11
      "}",
    ].join("\n");
    expect(lines(src)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 11]);
    const [w] = findUnawaitedCalls("  ch.send(1);");
    expect(w).toMatchObject({ line: 1, column: 3, endColumn: 10 });
    expect(w!.message).toContain("forgot await?");
    expect(w!.call).toBe("ch.send");
  });

  it("words the warning in the editor's language, the runtime's panic text kept", () => {
    const t = translator(messages, "zh-cn");
    const [w] = findUnawaitedCalls("  ch.send(1);", (call) => t("notAwaited", { call }));
    expect(w!.message).toBe(
      "ch.send(...) 会阻塞并返回一个 promise：不加 await，goroutine 就不会等它完成，运行时会以 “forgot await?” panic。请写成 await ch.send(...)。",
    );
  });

  it("leaves awaited, returned, assigned, voided and continued calls alone", () => {
    const src = [
      "await ch.send(1);",
      "return ch.recv();",
      "const v = await ch.recv();",
      "const p = ch.send(1);",
      "void ch.send(1);",
      "go(() => ch.send(1));",
      "const x =",
      "  ch.recv();",
      "go(() =>",
      "  ch.send(1));",
      "foo(a,",
      "  ch.recv());",
      "ch.close();",
      "wg.add(1);",
      "mu.unlock();",
      "// ch.send(1);",
      "/* ch.send(1);",
      "   ch.send(2); */",
      'log("ch.send(1);");',
    ].join("\n");
    expect(lines(src)).toEqual([]);
  });
});
