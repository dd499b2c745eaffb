// Every message table, for the checks in messages.test.ts. Components import
// the one table they need (./language, ./exercise, ...), not this index, so a
// page ships only its own messages.

import type { Table } from "./define";
import exercise from "./exercise";
import explorer from "./explorer";
import language from "./language";
import platform from "./platform";
import results from "./results";
import share from "./share";
import timeline from "./timeline";

export const TABLES: Record<string, Table> = { language, exercise, results, platform, share, explorer, timeline };
