// The downstream services the product API depends on. You do not need to change this file.
import { select } from "go";
import type { Context } from "go/context";
import * as http from "go/net/http";
import * as time from "go/time";
import type { Duration } from "go/time";

/** How long the inventory takes to look up each SKU. */
export const lookupTimes: Record<string, Duration> = {
  widget: 20 * time.Millisecond,
  gadget: 70 * time.Millisecond,
  gizmo: 400 * time.Millisecond, // a slow shard
};

const stock: Record<string, number> = { widget: 7, gadget: 0, gizmo: 3 };

/** ReportTime is how long buildReport works when nobody stops it. */
export const ReportTime = 3 * time.Second;

/**
 * events records what the downstream services did, with virtual times since
 * each call started: "stock gizmo: cancelled after 100ms",
 * "stock widget: served after 20ms", "report: cancelled after 1s".
 */
export const events: string[] = [];

/** waitOrDone sleeps d unless ctx ends first; it returns ctx.err() in that case. */
async function waitOrDone(ctx: Context, d: Duration): Promise<Error | null> {
  const t = time.newTimer(d);
  try {
    return await select(
      t.c.recvCase((): Error | null => null),
      ctx.done().recvCase((): Error | null => ctx.err()),
    );
  } finally {
    t.stop();
  }
}

/**
 * newInventory returns the inventory service: GET /stock/{sku} answers
 * {"sku": "...", "stock": n} after lookupTimes[sku], 404 for an unknown SKU.
 * It stops working as soon as the request's context is done, as a well-behaved
 * Go service does.
 */
export function newInventory(): http.Handler {
  const mux = http.newServeMux();
  mux.handleFunc("GET /stock/{sku}", async (w, r) => {
    const sku = r.pathValue("sku");
    const d = lookupTimes[sku];
    if (d === undefined) {
      http.writeJSON(w, http.StatusNotFound, { error: "unknown sku" });
      return;
    }
    const start = time.now();
    const err = await waitOrDone(r.context(), d);
    const took = time.durationString(time.since(start));
    if (err !== null) {
      events.push(`stock ${sku}: cancelled after ${took}`);
      return;
    }
    events.push(`stock ${sku}: served after ${took}`);
    http.writeJSON(w, http.StatusOK, { sku, stock: stock[sku] });
  });
  return mux;
}

/**
 * buildReport computes the daily report, which takes ReportTime. It returns
 * early with ["", ctx.err()] when ctx is done.
 */
export async function buildReport(ctx: Context): Promise<[string, Error | null]> {
  const start = time.now();
  const err = await waitOrDone(ctx, ReportTime);
  const took = time.durationString(time.since(start));
  if (err !== null) {
    events.push(`report: cancelled after ${took}`);
    return ["", err];
  }
  events.push(`report: built after ${took}`);
  return ["sold 12 widgets\n", null];
}
