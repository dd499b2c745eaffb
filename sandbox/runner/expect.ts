// Builds Vitest's `expect` from @vitest/expect + chai, the way Vitest itself
// does, so exercise tests behave the same in the sandbox and in Node.

import {
  ASYMMETRIC_MATCHERS_OBJECT,
  JEST_MATCHERS_OBJECT,
  MATCHERS_OBJECT,
  ChaiStyleAssertions,
  GLOBAL_EXPECT,
  JestAsymmetricMatchers,
  JestChaiExpect,
  JestExtend,
  chai,
  getState,
  setState,
} from "@vitest/expect";
import { getCurrentTest } from "@vitest/runner";
import { lockChain, lockMethods } from "./lockdown";
import { platformText } from "../platform-text";

chai.use(JestExtend);
chai.use(JestChaiExpect);
chai.use(ChaiStyleAssertions);
chai.use(JestAsymmetricMatchers);
// Vitest's snapshot plugin adds withTest(); async matchers use it to tie
// their promise to the running test.
chai.util.addMethod(chai.Assertion.prototype, "withTest", function (this: object, test: unknown) {
  chai.util.flag(this, "vitest-test", test);
  return this;
});

type AnyExpect = ((value: unknown, message?: string) => unknown) & Record<string, unknown>;

function createExpect(): AnyExpect {
  const expect = ((value: unknown, message?: string) => {
    // Vitest does setState({ assertionCalls: n + 1 }), which copies every
    // property of the state object to count one call; the count is a plain
    // property of that same object (set below), so it is bumped in place.
    (getState(expect as never) as { assertionCalls: number }).assertionCalls++;
    const assertion = chai.expect(value, message) as unknown as { withTest(t: unknown): unknown };
    const test = getCurrentTest();
    return test ? assertion.withTest(test) : assertion;
  }) as AnyExpect;
  Object.assign(expect, chai.expect);
  Object.assign(expect, (globalThis as Record<PropertyKey, unknown>)[ASYMMETRIC_MATCHERS_OBJECT]);
  expect.getState = () => getState(expect as never);
  expect.setState = (state: object) => setState(state as never, expect as never);
  setState(
    {
      assertionCalls: 0,
      isExpectingAssertions: false,
      isExpectingAssertionsError: null,
      expectedAssertionsNumber: null,
      expectedAssertionsNumberErrorGen: null,
      currentTestName: "",
    } as never,
    expect as never,
  );
  expect.extend = (matchers: object) =>
    (chai.expect as unknown as { extend: (e: unknown, m: object) => void }).extend(expect, matchers);
  expect.unreachable = (message?: string) => {
    const said = message ? platformText("unreachableWith", { message }) : platformText("unreachable");
    try {
      chai.assert.fail(said.message);
    } catch (error) {
      // The code the page translates; toFailure keeps it (sandbox/platform-text.ts).
      throw Object.assign(error as Error, { platform: said.platform });
    }
  };
  return expect;
}

export const expect = createExpect();
Object.defineProperty(globalThis, GLOBAL_EXPECT, { value: expect, writable: true, configurable: true });

/**
 * Locks the assertion machinery before learner code runs: chai's Assertion
 * and its prototype (every matcher), expect and its asymmetric matchers, the
 * shared matcher tables, and the custom equality testers (frozen empty), so
 * patching a matcher or overriding a built-in one with expect.extend throws.
 * expect.extend with a new matcher name still works.
 */
export function lockAssertions(): void {
  const scope = globalThis as Record<PropertyKey, unknown>;
  const shared = scope[JEST_MATCHERS_OBJECT] as { matchers: object; customEqualityTesters: unknown[] };
  Object.freeze(shared.customEqualityTesters);
  lockMethods(shared.matchers);
  lockMethods(scope[ASYMMETRIC_MATCHERS_OBJECT] as object);
  for (const key of [GLOBAL_EXPECT, JEST_MATCHERS_OBJECT, MATCHERS_OBJECT, ASYMMETRIC_MATCHERS_OBJECT]) {
    const desc = Object.getOwnPropertyDescriptor(globalThis, key);
    if (!desc?.configurable) continue;
    if ("value" in desc)
      Object.defineProperty(globalThis, key, { value: desc.value, writable: false, configurable: false });
    else Object.defineProperty(globalThis, key, { get: desc.get, configurable: false });
  }
  lockMethods(chai.Assertion);
  lockMethods(chai.Assertion.prototype);
  lockMethods(chai.util);
  lockMethods(expect);
  lockMethods(expect.not as object);
  const samples = [
    expect.anything,
    () => (expect.any as (c: unknown) => unknown)(Number),
    () => (expect.objectContaining as (o: object) => unknown)({}),
    () => (expect.arrayContaining as (a: unknown[]) => unknown)([]),
    () => (expect.stringContaining as (s: string) => unknown)(""),
    () => (expect.stringMatching as (s: string) => unknown)(""),
    () => (expect.closeTo as (n: number) => unknown)(0),
  ];
  for (const sample of samples) {
    try {
      lockChain(Object.getPrototypeOf((sample as () => object)()) as object);
    } catch {
      // A matcher this version does not have.
    }
  }
}
