// The wall clock as net/http and JWTs see it: virtual inside a synctest bubble.

import { isVirtual, now } from "../../time";

/**
 * Epoch is the Unix time, in ms, of virtual time 0: 2025-01-01T00:00:00Z.
 * Inside a synctest bubble the clock is Epoch + time.now(), so a token
 * signed with expiresIn: time.Hour expires after time.sleep(time.Hour), and
 * Date headers show virtual time. Outside a bubble it is the real clock.
 */
export const Epoch = Date.UTC(2025, 0, 1);

/** clock returns the current Unix time in ms (see Epoch). */
export function clock(): number {
  return isVirtual() ? Epoch + now() : Date.now();
}
