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

declare module "monaco-editor/language/typescript/ts.worker" {
  /** TypeScript's services as Monaco's language worker bundles them (src/components/exercise/ts-worker.ts). */
  export const ts: { typescript: { setLocalizedDiagnosticMessages(messages: Record<string, string>): void } };
}

declare namespace App {
  interface Locals {
    /**
     * Set by a translated lesson page: the progress keys of its quiz questions,
     * taken from the English questions (src/i18n/translate-lesson.ts), which
     * Quiz.astro uses instead of hashing the translated text.
     */
    quizKeys?: string[];
    /** Set by a lesson page: its language, for components the MDX places (Quiz). */
    locale?: import("./i18n/locales").Locale;
  }
}
