import { defineConfig } from "vitest/config";

// Browser tests: real Chromium against the built site (run `npm run build` first).
export default defineConfig({
  test: {
    include: ["e2e/**/*.e2e.test.ts"],
    environment: "node",
    testTimeout: 90_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
