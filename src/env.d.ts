/// <reference types="astro/client" />

declare module "virtual:sandbox-prelude" {
  /** The sandbox worker's prelude script (harness + platform modules). */
  const prelude: string;
  export default prelude;
}

declare module "virtual:sandbox-types" {
  /** Declarations for the learner's editor: { path: "file:///node_modules/...", content }. */
  const libs: { path: string; content: string }[];
  export default libs;
}
