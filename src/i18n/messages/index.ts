// Every message table, for the checks in messages.test.ts. Components import
// the one table they need (./language, ./exercise, ...), not this index, so a
// page ships only its own messages.

import type { Table } from "./define";
import assertions from "./assertions";
import compile from "./compile";
import exercise from "./exercise";
import explorer from "./explorer";
import home from "./home";
import language from "./language";
import lesson from "./lesson";
import platform from "./platform";
import progress from "./progress";
import quiz from "./quiz";
import reference from "./reference";
import results from "./results";
import search from "./search";
import share from "./share";
import site from "./site";
import storage from "./storage";
import timeline from "./timeline";
import transfer from "./transfer";

export const TABLES: Record<string, Table> = {
  assertions,
  compile,
  exercise,
  explorer,
  home,
  language,
  lesson,
  platform,
  progress,
  quiz,
  reference,
  results,
  search,
  share,
  site,
  storage,
  timeline,
  transfer,
};
