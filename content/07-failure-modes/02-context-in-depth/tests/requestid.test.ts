import { describe, it, expect } from "vitest";
import * as context from "go/context";
import * as synctest from "go/testing/synctest";
import * as time from "go/time";
import { requestID, withRequestID } from "./requestid";

/** Names another package might use for its own request id (as strings, and as Symbol.for symbols). */
const stringKeys = ["requestID", "requestId", "request_id", "request-id", "reqID", "X-Request-ID", "rid", "id"];

describe("Task 3: request ids travel in ctx under a private key", () => {
  it("returns the id put in ctx, and survives derived contexts", async () => {
    await synctest.run(async () => {
      const ctx = withRequestID(context.background(), "req-1");
      expect(requestID(ctx), "requestID(withRequestID(ctx, id)) is id").toBe("req-1");
      const [child, cancel] = context.withTimeout(ctx, time.Second);
      expect(requestID(child), "a context derived with withTimeout keeps its parent's values").toBe("req-1");
      cancel();
    });
  });

  it('returns "" when ctx carries no id', () => {
    expect(requestID(context.background()), 'no id in context.background(): requestID returns ""').toBe("");
  });

  it("keeps each request's id in its own context", () => {
    const a = withRequestID(context.background(), "a");
    const b = withRequestID(context.background(), "b");
    expect(requestID(a), "request a's context still says a after request b got its id").toBe("a");
    expect(requestID(b), "request b's context says b").toBe("b");
  });

  it("cannot be read or overwritten by another package's string key", () => {
    for (const key of [...stringKeys, ...stringKeys.map((k) => Symbol.for(k))]) {
      const mine = withRequestID(context.background(), "mine");
      const theirs = context.withValue(mine, key, "theirs");
      expect(
        requestID(theirs),
        `another package stored "theirs" under the key ${String(key)} and your id changed: use a key only your file can make`,
      ).toBe("mine");
      expect(mine.value(key), `ctx.value(${String(key)}) finds your id: any package can read it under that key`).toBe(
        undefined,
      );
    }
  });
});
