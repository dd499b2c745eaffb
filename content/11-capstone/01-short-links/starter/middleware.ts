// Plumbing shared by every route. You do not need to change this file.
import * as http from "go/net/http";
import type { Handler, ResponseWriter } from "go/net/http";

/** writeError sends {"error": msg} with the status. */
export function writeError(w: ResponseWriter, status: number, msg: string): void {
  http.writeJSON(w, status, { error: msg });
}

/** recoverer turns a panic into a JSON 500 without leaking its message. */
export function recoverer(next: Handler): Handler {
  return http.handlerFunc(async (w, r) => {
    try {
      await next.serveHTTP(w, r);
    } catch (err) {
      console.log(`panic: ${err instanceof Error ? err.message : String(err)}`);
      writeError(w, http.StatusInternalServerError, "internal server error");
    }
  });
}
