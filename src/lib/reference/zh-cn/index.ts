// The reference's prose in Simplified Chinese, keyed exactly like the English
// (localize.ts): doc comments by module and exported name, one file per
// package family; the Go side's notes and prose; the language constructs and
// the section titles.

import type { Translations } from "./translation";
import { CONTEXT_DOCS } from "./context";
import { ERRORS_DOCS } from "./errors";
import { GO_DOCS } from "./go";
import { GO_TEXT } from "./go-text";
import { HTTPTEST_JWT_DOCS } from "./httptest-jwt";
import { JSON_DOCS } from "./json";
import { LANGUAGE } from "./language";
import { HTTP_CLIENT_SERVER_DOCS } from "./net-http-client-server";
import { HTTP_HANDLER_DOCS } from "./net-http-handlers";
import { NOTES } from "./notes";
import { SYNC_DOCS } from "./sync";
import { SYNCTEST_DOCS } from "./synctest";
import { TIME_DOCS } from "./time";
import { X_DOCS } from "./x";

/** Merges per-file tables that may share a module (net/http is split in two). */
function merge(...tables: Record<string, Translations>[]): Record<string, Translations> {
  const out: Record<string, Translations> = {};
  for (const t of tables) for (const [module, rows] of Object.entries(t)) out[module] = { ...out[module], ...rows };
  return out;
}

export const ZH_CN_DOCS = merge(
  GO_DOCS,
  SYNC_DOCS,
  TIME_DOCS,
  CONTEXT_DOCS,
  ERRORS_DOCS,
  X_DOCS,
  SYNCTEST_DOCS,
  HTTP_HANDLER_DOCS,
  HTTP_CLIENT_SERVER_DOCS,
  HTTPTEST_JWT_DOCS,
  JSON_DOCS,
);
export const ZH_CN_NOTES = NOTES;
export const ZH_CN_GO = GO_TEXT;
export const ZH_CN_LANGUAGE: Translations = LANGUAGE["lang"] ?? {};
export const ZH_CN_SECTIONS: Translations = LANGUAGE["section"] ?? {};
