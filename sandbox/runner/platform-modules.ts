// The modules the sandbox worker provides to compiled learner code, keyed by
// the specifiers in ../modules.ts (the compiler maps each import to this table).

import type { LEARNER_VITEST, PlatformModule } from "../modules";
import * as go from "../go/index";
import * as sync from "../go/sync";
import * as atomic from "../go/sync/atomic";
import * as time from "../go/time";
import * as context from "../go/context";
import * as errors from "../go/errors";
import * as errgroup from "../go/x/sync/errgroup";
import * as semaphore from "../go/x/sync/semaphore";
import * as singleflight from "../go/x/sync/singleflight";
import * as rate from "../go/x/time/rate";
import * as synctest from "../go/testing/synctest";
import * as http from "../go/net/http/index";
import * as httptest from "../go/net/http/httptest";
import * as jwt from "../go/net/http/jwt";
import * as json from "../go/encoding/json/index";
import { learnerVitest, lessonVitest } from "./lesson-api";

export const platformModules: Record<PlatformModule | typeof LEARNER_VITEST, unknown> = {
  vitest: lessonVitest,
  "vitest/learner": learnerVitest,
  go,
  "go/sync": sync,
  "go/sync/atomic": atomic,
  "go/time": time,
  "go/context": context,
  "go/errors": errors,
  "go/x/sync/errgroup": errgroup,
  "go/x/sync/semaphore": semaphore,
  "go/x/sync/singleflight": singleflight,
  "go/x/time/rate": rate,
  "go/testing/synctest": synctest,
  "go/net/http": http,
  "go/net/http/httptest": httptest,
  "go/net/http/jwt": jwt,
  "go/encoding/json": json,
};
