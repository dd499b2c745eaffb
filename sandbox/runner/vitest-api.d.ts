// The test API exercise tests use, as the sandbox provides it
// (@vitest/runner + @vitest/expect). Shown in the learner's editor.
declare module "vitest" {
  type Awaitable<T> = T | PromiseLike<T>;
  type TestFunction = () => Awaitable<unknown>;

  interface TestAPI {
    /** Defines a test. A test fails when its function throws or its promise rejects. */
    (name: string, fn?: TestFunction, timeout?: number): void;
    skip(name: string, fn?: TestFunction, timeout?: number): void;
    only(name: string, fn?: TestFunction, timeout?: number): void;
    todo(name: string): void;
    each<T>(cases: readonly T[]): (name: string, fn: (arg: T) => Awaitable<unknown>, timeout?: number) => void;
  }
  interface SuiteAPI {
    /** Groups tests. In exercises each top-level describe is a numbered task. */
    (name: string, fn: () => void): void;
    skip(name: string, fn: () => void): void;
    only(name: string, fn: () => void): void;
    each<T>(cases: readonly T[]): (name: string, fn: (arg: T) => void) => void;
  }
  export const describe: SuiteAPI;
  export const suite: SuiteAPI;
  export const it: TestAPI;
  export const test: TestAPI;
  export function beforeAll(fn: () => Awaitable<unknown>, timeout?: number): void;
  export function afterAll(fn: () => Awaitable<unknown>, timeout?: number): void;
  export function beforeEach(fn: () => Awaitable<unknown>, timeout?: number): void;
  export function afterEach(fn: () => Awaitable<unknown>, timeout?: number): void;

  interface Matchers<R = void> {
    toBe(expected: unknown): R;
    toEqual(expected: unknown): R;
    toStrictEqual(expected: unknown): R;
    toMatchObject(expected: object): R;
    toContain(item: unknown): R;
    toContainEqual(item: unknown): R;
    toHaveLength(length: number): R;
    toHaveProperty(path: string | string[], value?: unknown): R;
    toBeTruthy(): R;
    toBeFalsy(): R;
    toBeNull(): R;
    toBeUndefined(): R;
    toBeDefined(): R;
    toBeNaN(): R;
    toBeGreaterThan(n: number | bigint): R;
    toBeGreaterThanOrEqual(n: number | bigint): R;
    toBeLessThan(n: number | bigint): R;
    toBeLessThanOrEqual(n: number | bigint): R;
    toBeCloseTo(n: number, digits?: number): R;
    toBeInstanceOf(ctor: abstract new (...args: never[]) => unknown): R;
    toBeTypeOf(type: "string" | "number" | "boolean" | "object" | "function" | "undefined" | "bigint" | "symbol"): R;
    toBeOneOf(values: readonly unknown[]): R;
    toMatch(pattern: string | RegExp): R;
    toThrow(expected?: string | RegExp | Error | (new (...args: never[]) => Error)): R;
    toThrowError(expected?: string | RegExp | Error | (new (...args: never[]) => Error)): R;
  }
  interface Assertion<T = unknown> extends Matchers<void> {
    not: Assertion<T>;
    /** Awaits the promise and asserts on its value: `await expect(p).resolves.toBe(1)`. */
    resolves: Matchers<Promise<void>>;
    /** Awaits the promise and asserts on its rejection: `await expect(p).rejects.toThrow("x")`. */
    rejects: Matchers<Promise<void>>;
  }
  interface ExpectStatic {
    <T>(actual: T, message?: string): Assertion<T>;
    any(ctor: unknown): any;
    anything(): any;
    objectContaining(expected: object): any;
    arrayContaining(expected: readonly unknown[]): any;
    stringContaining(expected: string): any;
    stringMatching(expected: string | RegExp): any;
    unreachable(message?: string): never;
  }
  export const expect: ExpectStatic;
}
