// The TypeScript language worker (Monaco's own), speaking TypeScript's own
// Chinese diagnostics ("不能将类型“string”分配给类型“number”。") on a Chinese
// page. The page names the worker by its locale (monaco-setup.ts); only a
// worker named "zh-cn" loads TypeScript's Chinese table (300 KB of JSON, an
// asset of its own), so English pages pay nothing, and the worker starts
// after the editor. The table is set before Monaco's first message creates
// the language service: every diagnostic is worded from it.

import { ts } from "monaco-editor/language/typescript/ts.worker";
import zhCnTable from "typescript/lib/zh-cn/diagnosticMessages.generated.json?url";

// English needs no table: it is TypeScript's own language.
const url = self.name === "zh-cn" ? zhCnTable : undefined;
if (url) {
  try {
    // Synchronous (allowed in a worker): Monaco's first message may already be queued behind this module.
    const request = new XMLHttpRequest();
    request.open("GET", url, false);
    request.send();
    if (request.status === 200) ts.typescript.setLocalizedDiagnosticMessages(JSON.parse(request.responseText));
  } catch {
    // The diagnostics stay in English (offline, before the table was cached).
  }
}
