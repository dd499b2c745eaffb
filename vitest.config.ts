import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Learner-facing modules ("go", "go/sync", ...) live under sandbox/go; in Node
// they resolve here, in the browser the compile worker maps them the same way.
const goRoot = fileURLToPath(new URL("./sandbox/go", import.meta.url));

export default defineConfig({
  resolve: {
    alias: [{ find: /^go(?=\/|$)/, replacement: goRoot }],
  },
  test: {
    include: ["sandbox/**/*.test.ts", "src/**/*.test.ts", "scripts/**/*.test.ts"],
    environment: "node",
  },
});
