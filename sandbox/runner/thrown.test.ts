// Any thrown value is reported as a failure of its test, never a crash: the
// real prelude in a Node worker, learner code throwing every odd value.

import { afterAll, describe, expect, it } from "vitest";
import { runExercise, type NodeRun } from "../tests/node-sandbox";
import { platformText } from "../platform-text";
import { renderValue, reportable, unhandledText } from "./thrown";

const runs: NodeRun[] = [];
afterAll(async () => {
  await Promise.all(runs.map((r) => r.stop()));
});

// name -> [learner expression that builds the thrown value, what the failure must say]
const CASES: Record<string, [string, RegExp]> = {
  "plain object with non-string message": [
    "({ status: 400, message: { code: 7 } })",
    /thrown object: \{ status: 400, message: \{ code: 7 \} \}/,
  ],
  "object with non-string name": ["({ name: 42, message: 'x' })", /thrown object: \{ name: 42, message: 'x' \}/],
  "Error with non-string name and message": [
    "Object.assign(new Error('m'), { name: { n: 1 }, message: ['a'] })",
    /thrown object: .*\[ 'a' \]/s,
  ],
  null: ["null", /^thrown null$/],
  undefined: ["undefined", /^thrown undefined$/],
  symbol: ["Symbol('boom')", /^thrown symbol: Symbol\(boom\)$/],
  BigInt: ["10n ** 30n", /^thrown bigint: 1000000000000000000000000000000n$/],
  function: ["function kaboom() {}", /^thrown function: \[Function kaboom\]$/],
  "cyclic object": ["(() => { const a: any = { id: 1 }; a.self = a; return a; })()", /thrown object: .*Circular/],
  "throwing getter": ["({ get message(): string { throw new Error('getter'); }, code: 3 })", /thrown object/],
  "Proxy whose every trap throws": [
    `new Proxy({}, Object.fromEntries(["get", "has", "ownKeys", "getOwnPropertyDescriptor", "getPrototypeOf", "apply", "construct", "defineProperty", "set", "deleteProperty", "isExtensible", "preventExtensions", "setPrototypeOf"].map((k) => [k, () => { throw new Error("trap " + k); }])))`,
    /thrown object: \[an object that cannot be displayed\]/,
  ],
  string: ["'just a string'", /^thrown string: just a string$/],
};

const names = Object.keys(CASES);
const learner = `export function boom(kind: string): never {
  switch (kind) {
${names.map((n) => `    case ${JSON.stringify(n)}: throw ${CASES[n]![0]};`).join("\n")}
  }
  throw new Error("unknown kind");
}
export async function boomLater(kind: string): Promise<never> {
  await null;
  return boom(kind);
}
`;
const lessonTests = `import { describe, it } from "vitest";
import { boom, boomLater } from "./boom";
const kinds = ${JSON.stringify(names)};
describe("Task 1: sync", () => {
  for (const kind of kinds) it(kind, () => boom(kind));
});
describe("Task 2: async", () => {
  for (const kind of kinds) it(kind, () => boomLater(kind));
});
`;

describe("thrown values", () => {
  it("each is a failure of its own test with a readable rendering", async () => {
    const handle = await runExercise({
      files: { "boom.ts": learner, "boom.test.ts": lessonTests },
      testFiles: ["boom.test.ts"],
    });
    runs.push(handle);
    const result = handle.result;
    if (result.kind !== "tests") throw new Error(JSON.stringify(result));
    expect(result).toMatchObject({ passed: 0, failed: names.length * 2, complete: false });
    for (const task of result.tasks) {
      for (const test of task.tests) {
        expect(test.state, test.name).toBe("fail");
        expect(test.failure!.message, `${task.title} > ${test.name}`).toMatch(CASES[test.name]![1]);
        // The page translates it by code: its English is exactly the message.
        expect(test.failure!.platform?.code, `${test.name}: platform code`).toMatch(/^thrown(Kind|Value)$/);
      }
    }
  });

  it("thrown while loading or as an unhandled rejection, is reported too", async () => {
    for (const [code, unhandled] of [
      [
        "throw new Proxy({}, { get() { throw new Error('trap'); }, getPrototypeOf() { throw new Error('trap'); } });",
        false,
      ],
      ["void Promise.reject({ message: { nested: true } });", true],
    ] as const) {
      const handle = await runExercise({
        files: {
          "boom.ts": `${code}\nexport const x = 1;`,
          "boom.test.ts": 'import { it } from "vitest";\nimport { x } from "./boom";\nit("runs", () => { void x; });',
        },
        testFiles: ["boom.test.ts"],
      });
      runs.push(handle);
      const result = handle.result;
      if (result.kind !== "tests") throw new Error(JSON.stringify(result));
      expect(result.complete).toBe(false);
      expect(result.loadErrors.map((e) => e.message).join("\n")).toMatch(/thrown object/);
      if (unhandled) {
        // The platform's frame and the thrown value's own code in one, so the page translates both.
        expect(result.loadErrors.map((e) => e.platform)).toContainEqual({
          code: "unhandledThrownKind",
          params: { kind: "object", value: "{ message: { nested: true } }" },
        });
      }
    }
  });
});

describe("renderValue and reportable", () => {
  it("never throw", () => {
    const hostile = new Proxy(() => {}, {
      get() {
        throw new Error("no");
      },
      getPrototypeOf() {
        throw new Error("no");
      },
    });
    expect(renderValue(hostile)).toBe("[a function that cannot be displayed]");
    expect(reportable(hostile).message).toBe("thrown function: [a function that cannot be displayed]");
    const error = new Error("plain");
    expect(reportable(error)).toBe(error);
    expect(renderValue("x".repeat(5000))).toBe("x".repeat(2000) + "… (3000 more characters)");
  });
});

describe("unhandledText", () => {
  it("keeps a thrown value's code inside the platform's frame", () => {
    const kind = platformText("thrownKind", { kind: "object", value: "{ a: 1 }" });
    expect(unhandledText(kind)).toEqual(platformText("unhandledThrownKind", { kind: "object", value: "{ a: 1 }" }));
    expect(unhandledText(kind).message).toBe("Unhandled error: thrown object: { a: 1 }");
    const bare = platformText("thrownValue", { value: "null" });
    expect(unhandledText(bare).message).toBe("Unhandled error: thrown null");
    expect(unhandledText(bare).platform.code).toBe("unhandledThrownValue");
  });
  it("frames any other message as a parameter", () => {
    expect(unhandledText({ message: "boom" })).toEqual(platformText("unhandledError", { message: "boom" }));
  });
});
