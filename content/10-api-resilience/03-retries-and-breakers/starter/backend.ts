// A flaky downstream service for the tests and the explorer. You do not need to change this file.
import { panic } from "go";
import * as http from "go/net/http";
import * as time from "go/time";
import type { Time } from "go/time";

/** ServeTime is how long the backend takes to answer each request. */
export const ServeTime = 10 * time.Millisecond;

/** One scripted answer: a status code, or "drop" to close the connection (the client sees EOF). */
export type Outcome = number | "drop";

/** A Flaky backend answers with its script, one outcome per request, then 200s. */
export interface Flaky {
  handler: http.Handler;
  /** Every request received: its method and when it arrived. */
  requests: { method: string; at: Time }[];
}

/** newFlaky returns a backend that answers the script in order, then 200 {"ok":true}. */
export function newFlaky(script: Outcome[]): Flaky {
  const queue = [...script];
  const f: Flaky = {
    requests: [],
    handler: http.handlerFunc(async (w, r) => {
      f.requests.push({ method: r.method, at: time.now() });
      const outcome = queue.shift() ?? http.StatusOK;
      await time.sleep(ServeTime);
      if (outcome === "drop") panic(http.ErrAbortHandler); // the connection closes without a reply
      http.writeJSON(w, outcome, { status: outcome });
    }),
  };
  return f;
}
