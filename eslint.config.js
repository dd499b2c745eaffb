// @ts-check
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/", "dist-base/", ".astro/", ".tmp/", "node_modules/", "src/components/exercise/monaco-slim.ts"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        console: "readonly",
        process: "readonly",
        window: "readonly",
        document: "readonly",
        self: "readonly",
        URL: "readonly",
        performance: "readonly",
        setTimeout: "readonly",
        clearTimeout: "readonly",
        setInterval: "readonly",
        navigator: "readonly",
        localStorage: "readonly",
        Blob: "readonly",
        Worker: "readonly",
        MessageEvent: "readonly",
        Event: "readonly",
        DOMException: "readonly",
        requestAnimationFrame: "readonly",
        MutationObserver: "readonly",
        HTMLElement: "readonly",
      },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" },
      ],
      "@typescript-eslint/no-explicit-any": "off",
    },
  },
  {
    // Ambient declarations mirror lib.dom's style (`declare var` makes globalThis properties).
    files: ["**/*.d.ts"],
    rules: { "no-var": "off" },
  },
  {
    // Starter files are skeletons: unused parameters and imports are the learner's to use.
    files: ["content/*/*/starter/**"],
    rules: { "@typescript-eslint/no-unused-vars": "off" },
  },
);
