// Plans, the API they protect, and where clients come from. You do not need to change this file.
import type { Context } from "go/context";
import * as http from "go/net/http";
import * as time from "go/time";
import * as rate from "go/x/time/rate";

/** A Plan is what a client has paid for: a rate and a burst. */
export interface Plan {
  name: string;
  limit: rate.Limit;
  burst: number;
}

/** Anonymous clients (no API key) get one request every 2 seconds, 2 at once. */
export const anonymous: Plan = { name: "anonymous", limit: rate.every(2 * time.Second), burst: 2 };

const byKey: Record<string, Plan> = {
  "key-free": { name: "free", limit: 1, burst: 3 },
  "key-pro": { name: "pro", limit: 10, burst: 20 },
};

/** LookupTime is how long a plan lookup takes (a database query). */
export const LookupTime = 5 * time.Millisecond;

/** lookups counts calls to lookupPlan, by client key. */
export const lookups = new Map<string, number>();

/**
 * lookupPlan returns the plan of the client with this key: the plan of an
 * API key ("key:<api key>"), or the anonymous plan for anything else. It takes
 * LookupTime, like the database query it stands for.
 */
export async function lookupPlan(ctx: Context, key: string): Promise<Plan> {
  void ctx;
  lookups.set(key, (lookups.get(key) ?? 0) + 1);
  await time.sleep(LookupTime);
  return (key.startsWith("key:") && byKey[key.slice(4)]) || anonymous;
}

/** newAPI returns the routes the rate limiter protects. */
export function newAPI(): http.Handler {
  const mux = http.newServeMux();
  mux.handleFunc("GET /quotes", (w) => {
    http.writeJSON(w, http.StatusOK, { quote: "Don't communicate by sharing memory." });
  });
  return mux;
}
