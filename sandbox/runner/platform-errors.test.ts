// Text the runner itself throws into a test (a learner-only API used in a
// lesson test, expect.unreachable, a thrown non-Error) reaches the page as a
// platform code, whose English is exactly the message, so a Chinese page
// says it in Chinese (src/i18n/messages/platform.ts).

import { afterAll, describe, expect, it } from "vitest";
import { runExercise, type NodeRun } from "../tests/node-sandbox";
import { platformOf, platformText } from "../platform-text";
import { toFailure } from "./failure";
import type { StackMapper } from "./stack-mapper";

const runs: NodeRun[] = [];
afterAll(async () => {
  await Promise.all(runs.map((r) => r.stop()));
});

const learner = `import { onTestFailed } from "vitest";
export function add(a: number, b: number): number {
  onTestFailed(() => {});
  return a + b;
}
`;
const lessonTests = `import { describe, expect, it } from "vitest";
import { add } from "./add";
describe("Task 1", () => {
  it("uses a learner-only API", () => {
    add(1, 2);
  });
  it("is unreachable", () => {
    expect.unreachable();
  });
  it("is unreachable, says why", () => {
    expect.unreachable("the loop ended");
  });
  it("throws a string", () => {
    throw "boom";
  });
});
`;

describe("platform errors in a Run", () => {
  it("carry their code and values", async () => {
    const handle = await runExercise({
      files: { "add.ts": learner, "add.test.ts": lessonTests },
      testFiles: ["add.test.ts"],
    });
    runs.push(handle);
    const result = handle.result;
    if (result.kind !== "tests") throw new Error(JSON.stringify(result));
    const failures = Object.fromEntries(result.tasks[0]!.tests.map((t) => [t.name, t.failure]));
    const want: Record<string, ReturnType<typeof platformText>> = {
      "uses a learner-only API": platformText("learnerOnly", { name: "onTestFailed" }),
      "is unreachable": platformText("unreachable"),
      "is unreachable, says why": platformText("unreachableWith", { message: "the loop ended" }),
      "throws a string": platformText("thrownKind", { kind: "string", value: "boom" }),
    };
    for (const [name, said] of Object.entries(want)) {
      expect(failures[name]?.platform, name).toEqual(said.platform);
      expect(failures[name]?.message, name).toBe(said.message);
    }
  });
});

describe("toFailure", () => {
  const mapper = { locate: () => undefined } as unknown as StackMapper;
  it("reports a raw thrown primitive and a missing error by code", () => {
    expect(toFailure(42, mapper)).toEqual(platformText("thrownValue", { value: "42" }));
    expect(toFailure(undefined, mapper)).toEqual(platformText("unknownError"));
    expect(toFailure({ stack: "" }, mapper)).toMatchObject(platformText("unknownError"));
  });
  it("keeps a platform field only when the message says exactly that", () => {
    const { platform } = platformText("learnerOnly", { name: "onTestFailed" });
    const wrong = { message: "something else", platform };
    expect(toFailure(wrong, mapper).platform, "a field the message does not say").toBeUndefined();
    expect(
      toFailure({ message: "onTestFailed may only be used in your own tests, not the lesson's", platform }, mapper)
        .platform,
    ).toEqual(platform);
    expect(platformOf({ code: "__proto__" }, ""), "own codes only").toBeUndefined();
    expect(platformOf({ code: "learnerOnly", params: { name: {} } }, "x"), "object parameter").toBeUndefined();
  });
});
