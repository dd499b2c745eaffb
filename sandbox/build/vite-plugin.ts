// Vite plugin that gives the site two build-time modules:
//   virtual:sandbox-prelude  the sandbox worker's script (harness + Go modules)
//   virtual:sandbox-types    type declarations for the learner's editor

import type { Plugin } from "vite";
import { buildPrelude } from "./prelude";
import { learnerTypes } from "./learner-types";

const PRELUDE = "virtual:sandbox-prelude";
const TYPES = "virtual:sandbox-types";

export function sandboxPlugin(): Plugin {
  return {
    name: "sandbox-modules",
    resolveId(id) {
      if (id === PRELUDE || id === TYPES) return "\0" + id;
      return undefined;
    },
    async load(id) {
      if (id === "\0" + PRELUDE) {
        const code = await buildPrelude({ minify: true });
        return `export default ${JSON.stringify(code)};`;
      }
      if (id === "\0" + TYPES) {
        return `export default ${JSON.stringify(learnerTypes())};`;
      }
      return undefined;
    },
  };
}
