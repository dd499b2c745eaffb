// Every message table, for the checks in messages.test.ts. Components import
// the one table they need (./language, ./exercise, ...), not this index, so a
// page ships only its own messages.

import type { Table } from "./define";
import language from "./language";

export const TABLES: Record<string, Table> = { language };
