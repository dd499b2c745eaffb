// The bare module specifiers learner code may import, in the order shown to
// learners when they import something else. The sandbox worker provides each
// one (runner/platform-modules.ts); the compiler rejects anything not listed.

export const PLATFORM_MODULES = [
  "vitest",
  "go",
  "go/sync",
  "go/sync/atomic",
  "go/time",
  "go/context",
  "go/errors",
  "go/x/sync/errgroup",
  "go/x/sync/semaphore",
  "go/x/sync/singleflight",
  "go/x/time/rate",
  "go/testing/synctest",
  "go/net/http",
  "go/net/http/httptest",
  "go/net/http/jwt",
  "go/encoding/json",
] as const;

export type PlatformModule = (typeof PLATFORM_MODULES)[number];

export function isPlatformModule(specifier: string): specifier is PlatformModule {
  return (PLATFORM_MODULES as readonly string[]).includes(specifier);
}

/** Global under which the sandbox worker exposes the platform modules to compiled code. */
export const PLATFORM_GLOBAL = "__platformModules";

/** The "vitest" the compiler gives learner (non-test) files: see runner/lesson-api.ts. */
export const LEARNER_VITEST = "vitest/learner";
