import { describe, expect, it } from "vitest";
import { panic } from "../../index";
import { run } from "../../testing/synctest";
import * as time from "../../time";
import { newRecorder, newRequest } from "./httptest";
import { handlerFunc, maxBytesHandler, newServeMux, stripPrefix, timeoutHandler } from "./index";

describe("maxBytesHandler", () => {
  it("limits the body the handler can read", async () => {
    const h = maxBytesHandler(
      handlerFunc(async (w, r) => {
        try {
          w.write(await r.text());
        } catch (e) {
          w.writeHeader(413);
          w.write((e as Error).message);
        }
      }),
      4,
    );
    const small = newRecorder();
    await h.serveHTTP(small, newRequest("POST", "/", "1234"));
    expect([small.code, small.body]).toEqual([200, "1234"]);
    const big = newRecorder();
    await h.serveHTTP(big, newRequest("POST", "/", "12345"));
    expect([big.code, big.body]).toEqual([413, "http: request body too large"]);
  });
});

describe("stripPrefix", () => {
  it("removes the prefix before routing", async () => {
    const api = newServeMux();
    api.handleFunc("GET /users/{id}", (w, r) => w.write(`${r.url.path} ${r.pathValue("id")}`));
    const root = newServeMux();
    root.handle("/api/", stripPrefix("/api", api));
    const w = newRecorder();
    await root.serveHTTP(w, newRequest("GET", "/api/users/7"));
    expect(w.body).toBe("/users/7 7");
    const miss = newRecorder();
    await stripPrefix("/api", api).serveHTTP(miss, newRequest("GET", "/other"));
    expect(miss.code).toBe(404);
  });
});

describe("timeoutHandler panics", () => {
  it("a panic in the wrapped handler is re-thrown to the caller", async () => {
    await run(async () => {
      const h = timeoutHandler(
        handlerFunc(async () => {
          await time.sleep(5 * time.Millisecond);
          panic("boom");
        }),
        100 * time.Millisecond,
        "",
      );
      await expect(Promise.resolve(h.serveHTTP(newRecorder(), newRequest("GET", "/")))).rejects.toThrow("boom");
    });
  });

  it("is only usable inside a bubble (it needs the virtual clock)", async () => {
    const h = timeoutHandler(
      handlerFunc(() => {}),
      100,
      "",
    );
    await expect(Promise.resolve(h.serveHTTP(newRecorder(), newRequest("GET", "/")))).rejects.toThrow();
  });
});
