// http.Server in the in-memory network: listenAndServe, graceful shutdown
// (Go's Server.Shutdown contract), registerOnShutdown, close, writeTimeout
// and Client.timeout, all on the virtual clock.

import { describe, expect, it } from "vitest";
import { background, withTimeout } from "../../context";
import { go } from "../../index";
import { makeChan } from "../../internal/chan";
import { run } from "../../testing/synctest";
import * as time from "../../time";
import { newServer, newUnstartedServer } from "./httptest";
import type { ResponseWriter } from "./index";
import { Client, ErrServerClosed, Server, URLError, get, handlerFunc, newServeMux } from "./index";

function slowMux() {
  const mux = newServeMux();
  mux.handleFunc("GET /fast", (w: ResponseWriter) => w.write("fast\n"));
  mux.handleFunc("GET /slow", async (w: ResponseWriter) => {
    await time.sleep(2 * time.Second);
    w.write("slow\n");
  });
  return mux;
}

async function errorOf(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (e) {
    return e as Error;
  }
  throw new Error("expected a rejection");
}

describe("http.Server", () => {
  it("listenAndServe makes the handler reachable at its port; shutdown ends it with ErrServerClosed", async () => {
    await run(async () => {
      const srv = new Server({ addr: ":8080", handler: slowMux() });
      const served = makeChan<Error>(1);
      go(async () => void (await served.send(await srv.listenAndServe())));
      await time.sleep(time.Millisecond);
      const res = await get("http://localhost:8080/fast");
      expect(await res.text()).toBe("fast\n");
      expect(await srv.shutdown(background())).toBeNull();
      expect(await served.recv()).toBe(ErrServerClosed);
      expect(ErrServerClosed.message).toBe("http: Server closed");
      // Listening again after shutdown is refused, as in Go.
      expect(await srv.listenAndServe()).toBe(ErrServerClosed);
    });
  });

  it("a port nobody listens on refuses connections; a taken port cannot be bound", async () => {
    await run(async () => {
      const err = await errorOf(get("http://127.0.0.1:9999/"));
      expect(err).toBeInstanceOf(URLError);
      expect(err.message).toBe('Get "http://127.0.0.1:9999/": dial tcp 127.0.0.1:9999: connect: connection refused');
      const a = new Server({ addr: ":7070" });
      go(() => a.listenAndServe());
      await time.sleep(time.Millisecond);
      const err2 = await new Server({ addr: "localhost:7070" }).listenAndServe();
      expect(err2.message).toBe("listen tcp localhost:7070: bind: address already in use");
      // A server without a handler answers 404.
      expect((await get("http://localhost:7070/x")).statusCode).toBe(404);
      await a.shutdown(background());
    });
  });

  it("shutdown lets in-flight requests finish, refuses new ones, then returns", async () => {
    await run(async () => {
      const srv = new Server({ addr: ":8081", handler: slowMux() });
      go(() => srv.listenAndServe());
      await time.sleep(time.Millisecond);
      const start = time.now();
      const slow = makeChan<string>(1);
      go(async () => {
        const res = await get("http://localhost:8081/slow");
        await slow.send(await res.text());
      });
      await time.sleep(100 * time.Millisecond);
      const done = makeChan<Error | null>(1);
      go(async () => void (await done.send(await srv.shutdown(background()))));
      await time.sleep(time.Millisecond);
      const refused = await errorOf(get("http://localhost:8081/fast"));
      expect(refused.message).toContain("connect: connection refused");
      expect(await done.recv()).toBeNull();
      expect(time.since(start)).toBe(2 * time.Second); // when the slow request ends
      expect(await slow.recv()).toBe("slow\n");
    });
  });

  it("shutdown returns ctx.err() when the context ends first; the request still completes", async () => {
    await run(async () => {
      const srv = new Server({ addr: ":8082", handler: slowMux() });
      go(() => srv.listenAndServe());
      await time.sleep(time.Millisecond);
      const slow = makeChan<number>(1);
      go(async () => void (await slow.send((await get("http://localhost:8082/slow")).statusCode)));
      await time.sleep(time.Millisecond);
      const [ctx, cancel] = withTimeout(background(), 500 * time.Millisecond);
      const err = await srv.shutdown(ctx);
      cancel();
      expect(err?.message).toBe("context deadline exceeded");
      expect(await slow.recv()).toBe(200);
    });
  });

  it("registerOnShutdown functions run in their own goroutines when shutdown starts", async () => {
    await run(async () => {
      const srv = new Server({ addr: ":8083" });
      const ran = makeChan<string>(2);
      srv.registerOnShutdown(() => ran.send("a"));
      srv.registerOnShutdown(() => ran.send("b"));
      go(() => srv.listenAndServe());
      await time.sleep(time.Millisecond);
      expect(await srv.shutdown(background())).toBeNull();
      expect([await ran.recv(), await ran.recv()].sort()).toEqual(["a", "b"]);
    });
  });

  it("close fails in-flight requests with EOF; the handler keeps running", async () => {
    await run(async () => {
      const finished = makeChan<boolean>(1);
      const srv = new Server({
        addr: ":8084",
        handler: handlerFunc(async (w) => {
          await time.sleep(time.Second);
          w.write("late");
          await finished.send(true);
        }),
      });
      go(() => srv.listenAndServe());
      await time.sleep(time.Millisecond);
      const got = makeChan<string>(1);
      go(async () => void (await got.send((await errorOf(get("http://localhost:8084/"))).message)));
      await time.sleep(time.Millisecond);
      expect(srv.close()).toBeNull();
      expect(await got.recv()).toBe('Get "http://localhost:8084/": EOF');
      expect(await finished.recv()).toBe(true);
    });
  });

  it("writeTimeout: a handler slower than it sends nothing, the client gets EOF", async () => {
    await run(async () => {
      const srv = newUnstartedServer(slowMux());
      srv.config.writeTimeout = time.Second;
      srv.start();
      expect(await (await srv.get("/fast")).text()).toBe("fast\n");
      const err = await errorOf(srv.get("/slow"));
      expect(err.message).toBe(`Get "${srv.url}/slow": EOF`);
      srv.config.writeTimeout = 3 * time.Second;
      expect((await srv.get("/slow")).statusCode).toBe(200);
      srv.close();
    });
  });

  it("Client.timeout covers the whole request", async () => {
    await run(async () => {
      const srv = newServer(slowMux());
      const c = new Client({ timeout: time.Second });
      const start = time.now();
      const err = await errorOf(c.get(srv.url + "/slow"));
      expect(err.message).toBe(
        `Get "${srv.url}/slow": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`,
      );
      expect(time.since(start)).toBe(time.Second);
      expect(await (await c.get(srv.url + "/fast")).text()).toBe("fast\n");
      expect((await errorOf(c.get("/fast"))).message).toBe('Get "/fast": unsupported protocol scheme ""');
      await time.sleep(time.Second); // the abandoned /slow handler still runs, as in Go: let it finish
      srv.close();
    });
  });

  it("httptest servers are reachable through http.get too", async () => {
    const srv = newServer(slowMux());
    expect(await (await get(srv.url + "/fast")).text()).toBe("fast\n");
    srv.close();
    expect((await errorOf(get(srv.url + "/fast"))).message).toContain("connection refused");
  });
});
