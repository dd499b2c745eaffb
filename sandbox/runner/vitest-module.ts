// The "vitest" module as exercise tests see it inside the sandbox: the
// collection API of @vitest/runner plus Vitest's expect.

export {
  describe,
  it,
  test,
  suite,
  beforeAll,
  afterAll,
  beforeEach,
  afterEach,
  onTestFailed,
  onTestFinished,
} from "@vitest/runner";
export { expect } from "./expect";
