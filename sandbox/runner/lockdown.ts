// Locks what the runner's verdict depends on before learner code runs:
// the built-ins (Object.is, Object.keys, Array.prototype, Promise.prototype.then,
// JSON, iterators, ...) that @vitest/expect, @vitest/runner and the reporter
// call, and the assertion machinery itself (chai's Assertion.prototype, the
// matchers, asymmetric matchers, custom equality testers). Locking makes each
// existing method non-writable and non-configurable: learner code may still add
// new properties (expect.extend with a new matcher works), but replacing a
// built-in throws a TypeError, which fails the learner's own code.
//
// Only function-valued properties and accessors are locked, not data such as
// Error.prototype.name, so `this.name = "MyError"` in a subclass still works;
// assigning a locked method on an instance (`obj.toString = f`) now throws.

const { defineProperty, getOwnPropertyDescriptor, getPrototypeOf, freeze } = Object;
const { ownKeys } = Reflect;

/** Makes every method and accessor of `target` non-writable and non-configurable. */
export function lockMethods(target: object | undefined | null): void {
  if (!target) return;
  const keys = ownKeys(target);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const desc = getOwnPropertyDescriptor(target, key);
    if (!desc || !desc.configurable) continue;
    // Old-style subclassing assigns `X.prototype.constructor`; only a promise's
    // constructor matters to the runner (await and then() read it).
    if (key === "constructor" && target !== Promise.prototype) continue;
    if ("value" in desc) {
      if (typeof desc.value !== "function") continue;
      defineProperty(target, key, {
        value: desc.value,
        writable: false,
        configurable: false,
        enumerable: desc.enumerable,
      });
    } else {
      defineProperty(target, key, { get: desc.get, set: desc.set, configurable: false, enumerable: desc.enumerable });
    }
  }
}

/** Locks every property (data too) of `target` and its methods. */
export function lockAll(target: object | undefined | null): void {
  if (!target) return;
  const keys = ownKeys(target);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const desc = getOwnPropertyDescriptor(target, key);
    if (!desc || !desc.configurable) continue;
    if ("value" in desc) defineProperty(target, key, { ...desc, writable: false, configurable: false });
    else defineProperty(target, key, { ...desc, configurable: false });
  }
}

/** Locks `target` and each prototype above it up to (not including) Object.prototype. */
export function lockChain(target: object | undefined | null): void {
  let current = target;
  while (current && current !== Object.prototype) {
    lockMethods(current);
    current = getPrototypeOf(current) as object | null;
  }
}

// The global bindings the runner reads by name at run time.
const GLOBALS = [
  "Object",
  "Function",
  "Array",
  "Promise",
  "JSON",
  "Reflect",
  "Map",
  "Set",
  "WeakMap",
  "WeakSet",
  "WeakRef",
  "String",
  "Number",
  "Boolean",
  "Symbol",
  "BigInt",
  "Math",
  "Date",
  "RegExp",
  "Error",
  "TypeError",
  "RangeError",
  "SyntaxError",
  "ReferenceError",
  "AggregateError",
  "ArrayBuffer",
  "DataView",
  "Uint8Array",
  "Int8Array",
  "Uint16Array",
  "Int16Array",
  "Uint32Array",
  "Int32Array",
  "Float32Array",
  "Float64Array",
  "BigInt64Array",
  "BigUint64Array",
  "Uint8ClampedArray",
  "Iterator",
  "Proxy",
  "Atomics",
  "Intl",
  "isNaN",
  "isFinite",
  "parseInt",
  "parseFloat",
  "encodeURIComponent",
  "decodeURIComponent",
  "structuredClone",
  "queueMicrotask",
];

function iteratorPrototypes(): object[] {
  const protos: object[] = [];
  const add = (value: unknown) => {
    let proto = getPrototypeOf(value) as object | null;
    while (proto && proto !== Object.prototype) {
      protos.push(proto);
      proto = getPrototypeOf(proto) as object | null;
    }
  };
  add([][Symbol.iterator]());
  add(new Map()[Symbol.iterator]());
  add(new Set()[Symbol.iterator]());
  add(""[Symbol.iterator]());
  add("a".matchAll(/a/g));
  add((function* () {})());
  add((async function* () {})());
  add(function* () {});
  add(async function* () {});
  add(async function () {});
  add(new Uint8Array(0));
  return protos;
}

/**
 * Locks the built-ins: each global binding above (non-writable), and the
 * methods of each constructor, its prototype, and the iterator prototypes.
 */
export function lockIntrinsics(scope: Record<string, unknown>): void {
  for (const name of GLOBALS) {
    const value = scope[name];
    if (value === undefined) continue;
    const desc = getOwnPropertyDescriptor(scope, name);
    if (desc?.configurable)
      defineProperty(scope, name, { value, writable: false, configurable: false, enumerable: false });
    if (typeof value === "function" || typeof value === "object") {
      lockMethods(value as object);
      const proto = (value as { prototype?: unknown }).prototype;
      if (proto && typeof proto === "object") lockMethods(proto);
    }
  }
  // V8 formats every stack through Error.prepareStackTrace when it is set.
  const ErrorCtor = scope.Error as object;
  if (!Object.hasOwn(ErrorCtor, "prepareStackTrace"))
    defineProperty(ErrorCtor, "prepareStackTrace", { value: undefined, writable: false, configurable: false });
  lockMethods(Object.prototype);
  lockMethods(Function.prototype);
  for (const proto of iteratorPrototypes()) lockMethods(proto);
}

/** Freezes an array or plain object the runner shares with learner-reachable code. */
export function freezeShared<T extends object>(value: T | undefined): void {
  if (value) freeze(value);
}
