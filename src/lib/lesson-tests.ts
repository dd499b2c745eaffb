// Build time: lists a lesson's tests by running the collection phase of its
// test files, the way vitest would, but with a recording "vitest" and every
// other import (learner files, go/...) replaced by an inert stand-in. Test
// bodies and hooks never run. The sandbox runner checks each listed test ran
// and passed before it calls a Run complete.

import { transformSync } from "esbuild";
import type { LessonTests } from "../../sandbox/protocol";

type Fn = (...args: unknown[]) => unknown;

/** A value every operation accepts: stands in for learner and library exports during collection. */
function inert(): unknown {
  const target = function () {} as unknown as object;
  const get = (_t: object, key: PropertyKey) =>
    key === Symbol.toPrimitive ? () => "" : key === "then" || key === "__esModule" ? undefined : proxy;
  // Namespace objects built on the inert value's prototype (esbuild's __toESM) stay inert.
  const proto = new Proxy({}, { get });
  const proxy: unknown = new Proxy(target, {
    get,
    getPrototypeOf: () => proto,
    apply: () => proxy,
    construct: () => proxy as object,
  });
  return proxy;
}

function recorder(out: string[][]) {
  const stack: string[] = [];
  const pick = (a: unknown, b: unknown) => (typeof a === "function" ? a : b) as Fn | undefined;
  const describe = (name: string, a?: unknown, b?: unknown) => {
    stack.push(String(name));
    try {
      const result = pick(a, b)?.();
      if (result && typeof (result as Promise<unknown>).then === "function")
        throw new Error(`describe("${name}"): lesson describe callbacks must be synchronous`);
    } finally {
      stack.pop();
    }
  };
  const it = (name: string) => {
    out.push([...stack, String(name)]);
  };
  const hook = () => {};
  return {
    describe,
    suite: describe,
    it,
    test: it,
    beforeAll: hook,
    afterAll: hook,
    beforeEach: hook,
    afterEach: hook,
    onTestFinished: hook,
    onTestFailed: hook,
    expect: inert(),
  };
}

/**
 * Lists the tests each test file registers, as paths of names (describe
 * titles, then the test's). `tests` maps file name to TypeScript source.
 * Throws when a file fails to collect or names two tests alike.
 */
export function collectLessonTests(tests: Record<string, string>): LessonTests {
  const result: LessonTests = {};
  for (const [file, source] of Object.entries(tests)) {
    const paths: string[][] = [];
    const vitest = recorder(paths);
    const { code } = transformSync(source, { loader: "ts", format: "cjs", target: "es2022", sourcefile: file });
    const module = { exports: {} };
    const require = (specifier: string) => (specifier === "vitest" ? vitest : inert());
    new Function("require", "module", "exports", code)(require, module, module.exports);
    const seen = new Set<string>();
    for (const path of paths) {
      const key = JSON.stringify(path);
      if (seen.has(key)) throw new Error(`${file}: two tests are named "${path.join(" > ")}"`);
      seen.add(key);
    }
    result[file] = paths;
  }
  return result;
}
