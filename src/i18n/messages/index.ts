// Every message table, for the checks in messages.test.ts. Components import
// the one table they need (./language, ./exercise, ...), not this index, so a
// page ships only its own messages.

import type { Table } from "./define";
import home from "./home";
import language from "./language";
import lesson from "./lesson";
import progress from "./progress";
import quiz from "./quiz";
import reference from "./reference";
import search from "./search";
import site from "./site";
import transfer from "./transfer";

export const TABLES: Record<string, Table> = {
  home,
  language,
  lesson,
  progress,
  quiz,
  reference,
  search,
  site,
  transfer,
};
