import { describe, expect, it } from "vitest";
import { panic } from "go";
import * as http from "go/net/http";
import { newRecorder, newRequest } from "go/net/http/httptest";
import { run } from "go/testing/synctest";
import * as time from "go/time";
import { logging, newServer, recoverer, requestID, requestIDFrom } from "./middleware";

/** serve runs h on one request and returns the recorder. */
async function serve(h: http.Handler, method: string, path: string, headers: Record<string, string> = {}) {
  const r = newRequest(method, path);
  for (const [k, v] of Object.entries(headers)) r.header.set(k, v);
  const w = newRecorder();
  await h.serveHTTP(w, r);
  return w;
}

describe("Task 1: request ids", () => {
  const echoID = http.handlerFunc((w, r) => {
    w.write(requestIDFrom(r.context()));
  });

  it("generates an id, sets X-Request-Id and stores it in the context", async () => {
    await run(async () => {
      const w = await serve(requestID(echoID), "GET", "/");
      const id = w.header().get("X-Request-Id");
      expect(id).toMatch(/^req-\d+$/);
      expect(w.body).toBe(id);
    });
  });

  it("each request gets a new id", async () => {
    await run(async () => {
      const a = await serve(requestID(echoID), "GET", "/");
      const b = await serve(requestID(echoID), "GET", "/");
      expect(a.body).not.toBe(b.body);
    });
  });

  it("keeps a valid client id and replaces an invalid one", async () => {
    await run(async () => {
      const kept = await serve(requestID(echoID), "GET", "/", { "X-Request-Id": "abc-123" });
      expect([kept.body, kept.header().get("X-Request-Id")]).toEqual(["abc-123", "abc-123"]);
      const replaced = await serve(requestID(echoID), "GET", "/", { "X-Request-Id": "<script>" });
      expect(replaced.body).toMatch(/^req-\d+$/);
    });
  });

  it("requestIDFrom is empty without the middleware", async () => {
    await run(async () => {
      expect((await serve(echoID, "GET", "/")).body).toBe("");
    });
  });
});

describe("Task 2: logging with the status and the duration", () => {
  it("logs method, path, status and virtual duration", async () => {
    await run(async () => {
      const lines: string[] = [];
      const slow = http.handlerFunc(async (w) => {
        await time.sleep(30 * time.Millisecond);
        http.error(w, "nope", http.StatusTeapot);
      });
      await serve(logging((l) => lines.push(l))(slow), "GET", "/tea");
      expect(lines).toEqual(["GET /tea 418 30ms id=-"]);
    });
  });

  it("a handler that only writes is a 200; one that writes nothing is a 200 too", async () => {
    await run(async () => {
      const lines: string[] = [];
      const log = logging((l) => lines.push(l));
      await serve(log(http.handlerFunc((w) => w.write("hi"))), "POST", "/a");
      await serve(log(http.handlerFunc(() => {})), "DELETE", "/b");
      expect(lines).toEqual(["POST /a 200 0s id=-", "DELETE /b 200 0s id=-"]);
    });
  });

  it("does not change the response", async () => {
    await run(async () => {
      const w = await serve(
        logging(() => {})(http.handlerFunc((w) => http.writeJSON(w, 201, { ok: true }))),
        "POST",
        "/",
      );
      expect([w.code, w.body]).toEqual([201, '{"ok":true}\n']);
    });
  });
});

describe("Task 3: panic recovery", () => {
  it("turns a panic into a JSON 500 and logs it", async () => {
    await run(async () => {
      const lines: string[] = [];
      const crash = http.handlerFunc(() => panic("disk full"));
      const w = await serve(recoverer((l) => lines.push(l))(crash), "GET", "/");
      expect(w.code).toBe(500);
      expect(w.header().get("Content-Type")).toBe("application/json");
      expect(JSON.parse(w.body)).toEqual({ error: "internal server error", requestId: "" });
      expect(lines).toEqual(["panic: disk full"]);
    });
  });

  it("recovers async handlers too", async () => {
    await run(async () => {
      const crash = http.handlerFunc(async () => {
        await time.sleep(5 * time.Millisecond);
        throw new Error("timeout talking to payments");
      });
      const lines: string[] = [];
      const w = await serve(recoverer((l) => lines.push(l))(crash), "GET", "/");
      expect(w.code).toBe(500);
      expect(lines).toEqual(["panic: timeout talking to payments"]);
    });
  });

  it("leaves healthy requests alone", async () => {
    await run(async () => {
      const w = await serve(recoverer(() => {})(http.handlerFunc((w) => w.write("fine"))), "GET", "/");
      expect([w.code, w.body]).toEqual([200, "fine"]);
    });
  });
});

describe("Task 4: the middleware order", () => {
  it("a crash is logged as a 500 with its request id, and the client gets the id", async () => {
    await run(async () => {
      const lines: string[] = [];
      const w = await serve(
        newServer((l) => lines.push(l)),
        "GET",
        "/crash",
        { "X-Request-Id": "trace-7" },
      );
      expect(w.code).toBe(500);
      expect(w.header().get("X-Request-Id")).toBe("trace-7");
      expect(JSON.parse(w.body)).toEqual({ error: "internal server error", requestId: "trace-7" });
      expect(lines).toEqual(["panic: database on fire", "GET /crash 500 0s id=trace-7"]);
    });
  });

  it("normal requests are logged with their id and duration", async () => {
    await run(async () => {
      const lines: string[] = [];
      const w = await serve(
        newServer((l) => lines.push(l)),
        "GET",
        "/report",
      );
      const id = w.header().get("X-Request-Id");
      expect(w.body).toBe("report ready\n");
      expect(lines).toEqual([`GET /report 200 30ms id=${id}`]);
    });
  });

  it("404s from the mux are logged too", async () => {
    await run(async () => {
      const lines: string[] = [];
      await serve(
        newServer((l) => lines.push(l)),
        "GET",
        "/nope",
        { "X-Request-Id": "r1" },
      );
      expect(lines).toEqual(["GET /nope 404 0s id=r1"]);
    });
  });
});
