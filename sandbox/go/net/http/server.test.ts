import { describe, expect, it } from "vitest";
import type { Context } from "../../context";
import { DeadlineExceeded, withCancel, withTimeout } from "../../context";
import { select } from "../../index";
import { elapsed, run } from "../../testing/synctest";
import * as time from "../../time";
import { newRecorder, newRequest, newServer } from "./httptest";
import type { Handler, Middleware, ResponseWriter } from "./index";
import {
  ErrHandlerTimeout,
  chain,
  error,
  handlerFunc,
  newRequestWithContext,
  newServeMux,
  redirect,
  statusText,
  StatusCreated,
  StatusNotFound,
  timeoutHandler,
  writeJSON,
} from "./index";

describe("ResponseWriter semantics", () => {
  it("implicit 200 and sniffed Content-Type on first write", () => {
    const w = newRecorder();
    w.write("hello");
    expect(w.code).toBe(200);
    expect(w.header().get("Content-Type")).toBe("text/plain; charset=utf-8");
    const h = newRecorder();
    h.write("<!DOCTYPE html><p>x</p>");
    expect(h.header().get("content-type")).toBe("text/html; charset=utf-8");
  });

  it("headers are frozen at writeHeader; later writeHeader calls are ignored", () => {
    const w = newRecorder();
    w.header().set("X-Before", "1");
    w.writeHeader(StatusCreated);
    w.header().set("X-After", "1");
    w.writeHeader(500);
    const res = w.result();
    expect(res.statusCode).toBe(201);
    expect(res.status).toBe("201 Created");
    expect(res.header.get("X-Before")).toBe("1");
    expect(res.header.has("X-After")).toBe(false);
  });

  it("writeHeader panics on invalid codes", () => {
    expect(() => newRecorder().writeHeader(42)).toThrow("invalid WriteHeader code 42");
  });

  it("error() matches Go", () => {
    const w = newRecorder();
    w.header().set("Content-Length", "99");
    error(w, "bad input", 400);
    expect(w.code).toBe(400);
    expect(w.body).toBe("bad input\n");
    expect(w.header().get("Content-Type")).toBe("text/plain; charset=utf-8");
    expect(w.header().get("X-Content-Type-Options")).toBe("nosniff");
    expect(w.header().has("Content-Length")).toBe(false);
  });

  it("statusText", () => {
    expect(statusText(StatusNotFound)).toBe("Not Found");
    expect(statusText(799)).toBe("");
  });

  it("redirect resolves relative URLs against the request path", () => {
    const w = newRecorder();
    redirect(w, newRequest("GET", "/a/b/c"), "../d?x=1", 302);
    expect(w.header().get("Location")).toBe("/a/d?x=1");
    expect(w.code).toBe(302);
    const w2 = newRecorder();
    redirect(w2, newRequest("POST", "/a"), "https://example.org/x", 303);
    expect(w2.header().get("Location")).toBe("https://example.org/x");
    expect(w2.body).toBe("");
  });

  it("header keys are canonical", () => {
    const w = newRecorder();
    w.header().add("x-request-id", "1");
    w.header().add("X-REQUEST-ID", "2");
    expect(w.header().values("X-Request-Id")).toEqual(["1", "2"]);
    expect(w.header().keys()).toEqual(["X-Request-Id"]);
  });
});

describe("middleware", () => {
  it("chain: the first listed is outermost", async () => {
    const log: string[] = [];
    const mw =
      (name: string): Middleware =>
      (next) =>
        handlerFunc(async (w, r) => {
          log.push(`${name} in`);
          await next.serveHTTP(w, r);
          log.push(`${name} out`);
        });
    const h = chain(
      mw("a"),
      mw("b"),
      mw("c"),
    )(
      handlerFunc((w) => {
        log.push("handler");
        w.write("ok");
      }),
    );
    await h.serveHTTP(newRecorder(), newRequest("GET", "/"));
    expect(log).toEqual(["a in", "b in", "c in", "handler", "c out", "b out", "a out"]);
  });

  it("a wrapping ResponseWriter can capture the status", async () => {
    class StatusRecorder implements ResponseWriter {
      status = 200;
      constructor(readonly w: ResponseWriter) {}
      header() {
        return this.w.header();
      }
      write(b: string | Uint8Array) {
        return this.w.write(b);
      }
      writeHeader(code: number) {
        this.status = code;
        this.w.writeHeader(code);
      }
    }
    let seen = 0;
    const logging: Middleware = (next) =>
      handlerFunc(async (w, r) => {
        const sr = new StatusRecorder(w);
        await next.serveHTTP(sr, r);
        seen = sr.status;
      });
    const mux = newServeMux();
    mux.handleFunc("POST /things", (w) => writeJSON(w, 201, { ok: true }));
    await chain(logging)(mux).serveHTTP(newRecorder(), newRequest("POST", "/things"));
    expect(seen).toBe(201);
    await chain(logging)(mux).serveHTTP(newRecorder(), newRequest("GET", "/things"));
    expect(seen).toBe(405);
  });
});

describe("httptest server", () => {
  const mux = newServeMux();
  mux.handleFunc("GET /hello/{name}", (w, r) => {
    w.header().set("X-Host", r.host);
    w.write(`hello ${r.pathValue("name")}\n`);
  });
  mux.handleFunc("POST /echo", async (w, r) =>
    writeJSON(w, 200, { got: await r.text(), ct: r.header.get("Content-Type") }),
  );
  mux.handleFunc("GET /panic", () => {
    throw new Error("boom");
  });
  mux.handle(
    "/dir/",
    handlerFunc((w, r) => w.write(r.url.path)),
  );

  it("serves requests and adds Content-Length and Date", async () => {
    const srv = newServer(mux);
    const res = await srv.get("/hello/ana");
    expect(res.statusCode).toBe(200);
    expect(await res.text()).toBe("hello ana\n");
    expect(res.header.get("Content-Length")).toBe("10");
    expect(res.header.get("Date")).not.toBe("");
    expect(res.header.get("X-Host")).toBe(srv.url.slice("http://".length));
  });

  it("posts JSON", async () => {
    const srv = newServer(mux);
    const res = await srv.postJSON("/echo", { a: 1 });
    expect(await res.json()).toEqual({ got: '{"a":1}', ct: "application/json" });
  });

  it("HEAD gets headers but no body", async () => {
    const res = await newServer(mux).request("HEAD", "/hello/bo");
    expect(res.statusCode).toBe(200);
    expect(res.header.get("Content-Length")).toBe("9");
    expect(await res.text()).toBe("");
  });

  it("the client follows the mux's redirects", async () => {
    const srv = newServer(mux);
    const res = await srv.get("/dir");
    expect(await res.text()).toBe("/dir/");
  });

  it("a panicking handler closes the connection (EOF)", async () => {
    const srv = newServer(mux);
    const errors: unknown[] = [];
    const orig = console.error;
    console.error = (...a: unknown[]) => void errors.push(a.join(" "));
    try {
      await expect(srv.get("/panic")).rejects.toThrow(`Get "${srv.url}/panic": EOF`);
    } finally {
      console.error = orig;
    }
    expect(String(errors[0])).toContain("http: panic serving 192.0.2.1:1234: boom");
  });

  it("a closed server refuses connections", async () => {
    const srv = newServer(mux);
    srv.close();
    await expect(srv.get("/hello/x")).rejects.toThrow("connection refused");
  });
});

describe("request context", () => {
  it("is cancelled when the handler returns", async () => {
    await run(async () => {
      let ctx: Context | undefined;
      const h = handlerFunc((w, r) => {
        ctx = r.context();
        expect(ctx.err()).toBeNull();
        w.write("ok");
      });
      await newServer(h).get("/");
      expect(ctx!.err()?.message).toBe("context canceled");
    });
  });

  it("is cancelled when the client goes away", async () => {
    await run(async () => {
      let handlerSaw: Error | null = null;
      const slow: Handler = handlerFunc(async (w, r) => {
        await r.context().done().recv();
        handlerSaw = r.context().err();
        error(w, "gone", 499);
      });
      const srv = newServer(slow);
      const [ctx, cancel] = withTimeout(withCancel(newRequest("GET", "/").context())[0], 50 * time.Millisecond);
      const req = newRequestWithContext(ctx, "GET", "/slow");
      await expect(srv.do(req)).rejects.toThrow(`Get "${srv.url}/slow": context deadline exceeded`);
      expect(elapsed()).toBe(50 * time.Millisecond);
      await time.sleep(time.Millisecond);
      expect(handlerSaw!.message).toBe("context canceled");
      cancel();
    });
  });
});

describe("timeoutHandler", () => {
  const slow = (d: time.Duration, log: string[]): Handler =>
    handlerFunc(async (w, r) => {
      const res = await select(
        time.after(d).recvCase(() => "done" as const),
        r
          .context()
          .done()
          .recvCase(() => "cancelled" as const),
      );
      log.push(`${res} at ${time.durationString(elapsed())} err=${r.context().err()?.message ?? "nil"}`);
      w.header().set("X-Late", "1");
      w.write("late body");
    });

  it("answers 503 with the message after dt and cancels the context", async () => {
    await run(async () => {
      const log: string[] = [];
      const h = timeoutHandler(slow(time.Second, log), 100 * time.Millisecond, "too slow");
      const w = newRecorder();
      await h.serveHTTP(w, newRequest("GET", "/"));
      expect(elapsed()).toBe(100 * time.Millisecond);
      expect(w.code).toBe(503);
      expect(w.body).toBe("too slow");
      expect(w.header().has("X-Late")).toBe(false);
      await time.sleep(time.Millisecond);
      expect(log).toEqual([`cancelled at 100ms err=${DeadlineExceeded.message}`]);
    });
  });

  it("passes the response through when the handler is fast enough", async () => {
    await run(async () => {
      const log: string[] = [];
      const w = newRecorder();
      await timeoutHandler(slow(10 * time.Millisecond, log), 100 * time.Millisecond, "").serveHTTP(
        w,
        newRequest("GET", "/"),
      );
      expect(w.code).toBe(200);
      expect(w.body).toBe("late body");
      expect(w.header().get("X-Late")).toBe("1");
      expect(log).toEqual(["done at 10ms err=nil"]);
    });
  });

  it("drops writes after the timeout", async () => {
    await run(async () => {
      let wrote = -1;
      const h = timeoutHandler(
        handlerFunc(async (w) => {
          await time.sleep(500 * time.Millisecond);
          wrote = w.write("x");
        }),
        100 * time.Millisecond,
        "",
      );
      const w = newRecorder();
      await h.serveHTTP(w, newRequest("GET", "/"));
      expect(w.body).toContain("<h1>Timeout</h1>");
      await time.sleep(time.Second);
      expect(wrote).toBe(0);
      expect(ErrHandlerTimeout.message).toBe("http: Handler timeout");
    });
  });
});
