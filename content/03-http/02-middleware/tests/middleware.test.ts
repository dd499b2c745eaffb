import { describe, expect, it } from "vitest";
import { go, panic } from "go";
import * as http from "go/net/http";
import type { Header } from "go/net/http";
import { newRecorder, newRequest } from "go/net/http/httptest";
import { WaitGroup } from "go/sync";
import { explore, run } from "go/testing/synctest";
import * as time from "go/time";
import { logging, newServer, recoverer, requestID, requestIDFrom } from "./middleware";

/** What the client received: read from w.result(), never from the live header map. */
interface Reply {
  status: number;
  header: Header;
  body: string;
}

/** serve runs h on one request and returns what the client received. */
async function serve(
  h: http.Handler,
  method: string,
  path: string,
  headers: Record<string, string> = {},
): Promise<Reply> {
  const r = newRequest(method, path);
  for (const [k, v] of Object.entries(headers)) r.header.set(k, v);
  const w = newRecorder();
  await h.serveHTTP(w, r);
  const res = w.result();
  return { status: res.statusCode, header: res.header, body: await res.text() };
}

/** spy returns a handler that counts its calls and runs `fn`, to prove a middleware calls next exactly once. */
function spy(fn: http.HandlerFunc = () => {}) {
  const s = {
    calls: 0,
    handler: http.handlerFunc((w, r) => {
      s.calls++;
      return fn(w, r);
    }),
  };
  return s;
}

/** A handler that answers with the request id it finds in the context. */
const echoID = () => spy((w, r) => w.write(requestIDFrom(r.context())));

describe("Task 1: request ids", () => {
  it("generates an id, sets X-Request-Id and stores it in the context", async () => {
    await run(async () => {
      const next = echoID();
      const res = await serve(requestID(next.handler), "GET", "/");
      expect(next.calls, `requestID called the handler ${next.calls} times; it must call next exactly once`).toBe(1);
      const id = res.header.get("X-Request-Id");
      expect(
        id,
        "the client got no X-Request-Id matching req-<n>; set the header before calling next, headers set after the body is written never reach the client",
      ).toMatch(/^req-\d+$/);
      expect(res.body, "the handler must find the same id with requestIDFrom(r.context())").toBe(id);
    });
  });

  it("each request gets a new id", async () => {
    await run(async () => {
      const h = requestID(echoID().handler);
      const ids = [];
      for (let i = 0; i < 3; i++) ids.push((await serve(h, "GET", "/")).body);
      expect(new Set(ids).size, `three requests got the ids ${ids.join(", ")}; every request needs its own`).toBe(3);
    });
  });

  for (const id of ["abc-123", "7", "A".repeat(64)]) {
    it(`keeps the client's valid id ${id.length > 10 ? `of ${id.length} characters` : id}`, async () => {
      await run(async () => {
        const res = await serve(requestID(echoID().handler), "GET", "/", { "X-Request-Id": id });
        expect(
          [res.body, res.header.get("X-Request-Id")],
          "a valid client id is kept, in the context and in the response header",
        ).toEqual([id, id]);
      });
    });
  }

  for (const id of ["<script>", "a b", "A".repeat(65), "id_1", "ünïcode"]) {
    it(`replaces the invalid client id ${JSON.stringify(id.length > 10 ? `${id.slice(0, 8)}...` : id)}`, async () => {
      await run(async () => {
        const res = await serve(requestID(echoID().handler), "GET", "/", { "X-Request-Id": id });
        expect(res.body, "ids must be 1-64 letters, digits or dashes; anything else gets a new req-<n>").toMatch(
          /^req-\d+$/,
        );
        expect(res.header.get("X-Request-Id"), "the client must get the id that replaced its own").toBe(res.body);
      });
    });
  }

  it("requestIDFrom is empty without the middleware", async () => {
    await run(async () => {
      const res = await serve(echoID().handler, "GET", "/");
      expect(res.body, 'requestIDFrom(ctx) returns "" when no id was stored').toBe("");
    });
  });
});

describe("Task 2: logging with the status and the duration", () => {
  it("logs method, path, status and virtual duration", async () => {
    await run(async () => {
      const lines: string[] = [];
      const next = spy(async (w) => {
        await time.sleep(30 * time.Millisecond);
        http.error(w, "nope", http.StatusTeapot);
      });
      await serve(logging((l) => lines.push(l))(next.handler), "GET", "/tea?cups=2");
      expect(next.calls, `logging called the handler ${next.calls} times; it must call next exactly once`).toBe(1);
      expect(
        lines,
        "one line after the handler finished (await next.serveHTTP first), with the path without its query",
      ).toEqual(["GET /tea 418 30ms id=-"]);
    });
  });

  it("a handler that only writes is a 200; one that writes nothing is a 200 too", async () => {
    await run(async () => {
      const lines: string[] = [];
      const log = logging((l) => lines.push(l));
      await serve(log(http.handlerFunc((w) => w.write("hi"))), "POST", "/a");
      await serve(log(http.handlerFunc(() => {})), "DELETE", "/b");
      expect(lines, "write without writeHeader sends 200, and so does a handler that writes nothing").toEqual([
        "POST /a 200 0ms id=-",
        "DELETE /b 200 0ms id=-",
      ]);
    });
  });

  it("logs the status the client received, not a late writeHeader", async () => {
    await run(async () => {
      const lines: string[] = [];
      const log = logging((l) => lines.push(l));
      const late = await serve(
        log(
          http.handlerFunc((w) => {
            w.write("partial");
            w.writeHeader(http.StatusInternalServerError); // superfluous: the 200 is already sent
          }),
        ),
        "GET",
        "/late",
      );
      const twice = await serve(
        log(
          http.handlerFunc((w) => {
            w.writeHeader(http.StatusCreated);
            w.writeHeader(http.StatusConflict); // superfluous: only the first call counts
          }),
        ),
        "PUT",
        "/twice",
      );
      expect([late.status, twice.status], "the statuses the clients received").toEqual([200, 201]);
      expect(
        lines,
        "the log must show the status that was sent: the first writeHeader, or 200 on the first write",
      ).toEqual(["GET /late 200 0ms id=-", "PUT /twice 201 0ms id=-"]);
    });
  });

  it("times each request from its start, not from when the middleware was built", async () => {
    await run(async () => {
      const lines: string[] = [];
      const h = logging((l) => lines.push(l))(
        http.handlerFunc(async (w) => {
          await time.sleep(30 * time.Millisecond);
          w.writeHeader(http.StatusNoContent);
        }),
      );
      await time.sleep(100 * time.Millisecond); // the server has been up a while
      await serve(h, "GET", "/a");
      await serve(h, "GET", "/b");
      expect(lines, "each request took 30ms: read time.now() inside the handler, per request").toEqual([
        "GET /a 204 30ms id=-",
        "GET /b 204 30ms id=-",
      ]);
    });
  });

  it("concurrent requests each log their own status and duration", async () => {
    // Go serves every request on its own goroutine: nothing in logging may be shared between requests.
    await explore(async () => {
      const lines: string[] = [];
      const h = logging((l) => lines.push(l))(
        http.handlerFunc(async (w, r) => {
          const slow = r.url.path === "/slow";
          w.writeHeader(slow ? http.StatusTeapot : http.StatusCreated);
          await time.sleep((slow ? 40 : 10) * time.Millisecond);
        }),
      );
      const wg = new WaitGroup();
      for (const [path, delay] of [
        ["/slow", 0],
        ["/fast", 5 * time.Millisecond],
      ] as const) {
        wg.add(1);
        go(async () => {
          try {
            await time.sleep(delay); // the fast request arrives while the slow one is running
            await serve(h, "GET", path);
          } finally {
            wg.done();
          }
        });
      }
      await wg.wait();
      expect(lines, "two requests in flight at once: each line has its own request's status and time").toEqual([
        "GET /fast 201 10ms id=-",
        "GET /slow 418 40ms id=-",
      ]);
    });
  });

  it("does not change the response", async () => {
    await run(async () => {
      const res = await serve(
        logging(() => {})(http.handlerFunc((w) => http.writeJSON(w, 201, { ok: true }))),
        "POST",
        "/",
      );
      expect(
        [res.status, res.header.get("Content-Type"), res.body],
        "the client must get the handler's status, headers and body unchanged",
      ).toEqual([201, "application/json", '{"ok":true}\n']);
    });
  });
});

describe("Task 3: panic recovery", () => {
  it("turns a panic into a JSON 500 and logs it", async () => {
    await run(async () => {
      const lines: string[] = [];
      const crash = http.handlerFunc(() => panic("disk full"));
      const res = await serve(recoverer((l) => lines.push(l))(crash), "GET", "/");
      expect(res.status, `a panicking handler answered ${res.status}; recoverer must send a 500`).toBe(500);
      expect(res.header.get("Content-Type"), "the 500 is JSON: Content-Type application/json").toBe("application/json");
      expect(
        JSON.parse(res.body),
        "the client gets a fixed message and the request id, never the panic's own text",
      ).toEqual({ error: "internal server error", requestId: "" });
      expect(lines, 'the panic is logged once as "panic: <message>"').toEqual(["panic: disk full"]);
    });
  });

  it("recovers async handlers too", async () => {
    await run(async () => {
      const crash = http.handlerFunc(async () => {
        await time.sleep(5 * time.Millisecond);
        throw new Error("timeout talking to payments");
      });
      const lines: string[] = [];
      const res = await serve(recoverer((l) => lines.push(l))(crash), "GET", "/");
      expect(res.status, "an async handler that throws must become a 500: await next.serveHTTP inside the try").toBe(
        500,
      );
      expect(JSON.parse(res.body), "the client never sees the error's own text").toEqual({
        error: "internal server error",
        requestId: "",
      });
      expect(lines, 'the error is logged once as "panic: <message>"').toEqual(["panic: timeout talking to payments"]);
    });
  });

  it("leaves healthy requests alone", async () => {
    await run(async () => {
      const lines: string[] = [];
      const next = spy((w) => w.write("fine"));
      const res = await serve(recoverer((l) => lines.push(l))(next.handler), "GET", "/");
      expect(next.calls, `recoverer called the handler ${next.calls} times; it must call next exactly once`).toBe(1);
      expect([res.status, res.body], "a healthy response passes through unchanged").toEqual([200, "fine"]);
      expect(lines, "nothing to log when nothing panicked").toEqual([]);
    });
  });
});

describe("Task 4: the middleware order", () => {
  it("a crash is logged as a 500 with its request id, and the client gets the id", async () => {
    await run(async () => {
      const lines: string[] = [];
      const res = await serve(
        newServer((l) => lines.push(l)),
        "GET",
        "/crash",
        { "X-Request-Id": "trace-7" },
      );
      expect(res.status, `GET /crash answered ${res.status}; the server must recover with a 500`).toBe(500);
      expect(res.header.get("X-Request-Id"), "the crashed request's response still carries its id").toBe("trace-7");
      expect(JSON.parse(res.body), "recoverer must run inside requestID to know the id").toEqual({
        error: "internal server error",
        requestId: "trace-7",
      });
      expect(
        lines,
        "recoverer logs the panic, then logging (outside recoverer, inside requestID) logs the 500 with the id",
      ).toEqual(["panic: database on fire", "GET /crash 500 0ms id=trace-7"]);
    });
  });

  it("normal requests are logged with their id and duration", async () => {
    await run(async () => {
      const lines: string[] = [];
      const res = await serve(
        newServer((l) => lines.push(l)),
        "GET",
        "/report",
      );
      const id = res.header.get("X-Request-Id");
      expect(id, "every response carries an X-Request-Id").toMatch(/^req-\d+$/);
      expect(res.body, "the app's reply passes through the middleware unchanged").toBe("report ready\n");
      expect(lines, "one line with the status, the 30ms the report took, and the id").toEqual([
        `GET /report 200 30ms id=${id}`,
      ]);
    });
  });

  it("404s from the mux are logged too", async () => {
    await run(async () => {
      const lines: string[] = [];
      const res = await serve(
        newServer((l) => lines.push(l)),
        "GET",
        "/nope",
        { "X-Request-Id": "r1" },
      );
      expect(res.status, "the mux answers 404 for unknown paths").toBe(404);
      expect(lines, "every request is logged, also the ones no route matched").toEqual(["GET /nope 404 0ms id=r1"]);
    });
  });
});
