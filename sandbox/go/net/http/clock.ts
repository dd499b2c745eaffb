// The wall clock as net/http and JWTs see it: virtual inside a synctest bubble.

import { now } from "../../time";

/**
 * Epoch is the Unix time, in ms, of virtual time 0: 2000-01-01T00:00:00Z,
 * where Go's synctest bubbles start. Inside a bubble the clock is
 * time.now(), so a token signed with expiresIn: time.Hour expires after
 * time.sleep(time.Hour), and Date headers show virtual time. Outside a
 * bubble it is the real clock.
 */
export const Epoch = Date.UTC(2000, 0, 1);

/** clock returns the current Unix time in ms (time.now().unixMilli()). */
export function clock(): number {
  return now().unixMilli();
}
