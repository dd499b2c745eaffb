import { describe, expect, it } from "vitest";
import { go } from "go";
import { background } from "go/context";
import * as http from "go/net/http";
import type { Header } from "go/net/http";
import { newRecorder, newRequest, newServer as newTestServer } from "go/net/http/httptest";
import { WaitGroup } from "go/sync";
import { explore, run } from "go/testing/synctest";
import * as time from "go/time";
import { newServer } from "./app";
import { inject, parseTraceparent, requestIDFrom, spanFrom, tracing } from "./trace";
import type { IDSource } from "./trace";

/** What the client received: read from w.result(), never from the live header map. */
interface Reply {
  status: number;
  header: Header;
  body: string;
}

const TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
const CALLER = "00f067aa0ba902b7";
const valid = `00-${TRACE}-${CALLER}-01`;

/** seqIDs returns an IDSource counting up: trace ids t...1, t...2; span ids s...1, s...2 (valid lowercase hex). */
function seqIDs(): IDSource {
  let t = 0;
  let s = 0;
  return {
    traceID: () => `a${(++t).toString(16).padStart(31, "0")}`,
    spanID: () => `b${(++s).toString(16).padStart(15, "0")}`,
  };
}
const span1 = "b000000000000001";
const trace1 = "a0000000000000000000000000000001";

/** serve runs h on GET path with headers and returns what the client received. */
async function serve(h: http.Handler, path: string, headers: [string, string][] = []): Promise<Reply> {
  const r = newRequest("GET", path);
  for (const [k, v] of headers) r.header.add(k, v);
  const w = newRecorder();
  await h.serveHTTP(w, r);
  const res = w.result();
  return { status: res.statusCode, header: res.header, body: await res.text() };
}

/** seen returns a handler that records the span and request id it finds in its context. */
function seen() {
  const s = {
    calls: 0,
    span: null as ReturnType<typeof spanFrom>,
    requestID: "",
    handler: http.handlerFunc((w, r) => {
      s.calls++;
      s.span = spanFrom(r.context());
      s.requestID = requestIDFrom(r.context());
      w.write("ok");
    }),
  };
  return s;
}

/** inventory starts a fake inventory service that records the trace headers it receives; stock 7 is slow. */
function inventory() {
  const got: { path: string; traceparent: string; requestID: string }[] = [];
  const srv = newTestServer(
    http.handlerFunc(async (w, r) => {
      got.push({ path: r.url.path, traceparent: r.header.get("traceparent"), requestID: r.header.get("X-Request-Id") });
      await time.sleep(r.url.path === "/stock/7" ? 40 * time.Millisecond : 10 * time.Millisecond);
      http.writeJSON(w, http.StatusOK, 3);
    }),
  );
  return { srv, got };
}

describe("Task 1: parsing traceparent", () => {
  it("a valid header", () => {
    expect(parseTraceparent(valid), "the W3C example parses into its trace id, parent id and flags").toEqual({
      traceID: TRACE,
      spanID: CALLER,
      flags: "01",
    });
    expect(parseTraceparent(`00-${TRACE}-${CALLER}-00`)?.flags, "flags 00 (not sampled) is valid too").toBe("00");
  });

  it("a later version may carry more fields", () => {
    expect(
      parseTraceparent(`cc-${TRACE}-${CALLER}-01-what-the-future-will-be-like`),
      "a version above 00 is parsed for its first four fields; more may follow after a dash",
    ).toEqual({ traceID: TRACE, spanID: CALLER, flags: "01" });
  });

  const invalid: [string, string][] = [
    ["empty", ""],
    ["garbage", "hello"],
    ["upper-case hex", `00-${TRACE.toUpperCase()}-${CALLER}-01`],
    ["an all-zero trace id", `00-${"0".repeat(32)}-${CALLER}-01`],
    ["an all-zero parent id", `00-${TRACE}-${"0".repeat(16)}-01`],
    ["version ff", `ff-${TRACE}-${CALLER}-01`],
    ["version 00 with more after the flags", `00-${TRACE}-${CALLER}-01-extra`],
    ["a later version with junk after the flags", `cc-${TRACE}-${CALLER}-01.extra`],
    ["a short trace id", `00-${TRACE.slice(1)}-${CALLER}-01`],
    ["a flags field that is not hex", `00-${TRACE}-${CALLER}-0x`],
    ["a leading space", ` ${valid}`],
  ];
  for (const [what, h] of invalid) {
    it(`rejects ${what}`, () => {
      expect(parseTraceparent(h), `${JSON.stringify(h)} is not a valid traceparent: null, and a new trace`).toBeNull();
    });
  }
});

describe("Task 2: a new span per hop, and the request id", () => {
  it("continues the caller's trace with a new span", async () => {
    await run(async () => {
      const next = seen();
      await serve(tracing(() => {}, seqIDs())(next.handler), "/", [["traceparent", valid]]);
      expect(next.calls, `tracing called the handler ${next.calls} times; once`).toBe(1);
      expect(next.span, "same trace id, a new span id for this hop, the caller's span as parent, flags kept").toEqual({
        traceID: TRACE,
        spanID: span1,
        parentID: CALLER,
        flags: "01",
      });
    });
  });

  for (const [what, headers] of [
    ["no traceparent", []],
    ["an invalid traceparent", [["traceparent", `00-${TRACE}-${CALLER}-01-x`]]],
    [
      "two traceparent headers",
      [
        ["traceparent", valid],
        ["traceparent", `00-${TRACE.replace("4", "5")}-${CALLER}-01`],
      ],
    ],
  ] as [string, [string, string][]][]) {
    it(`${what}: a new trace`, async () => {
      await run(async () => {
        const next = seen();
        await serve(tracing(() => {}, seqIDs())(next.handler), "/", headers);
        expect(next.span, `${what}: start a new trace (a new trace id, no parent, sampled)`).toEqual({
          traceID: trace1,
          spanID: span1,
          parentID: "",
          flags: "01",
        });
      });
    });
  }

  it("keeps a valid X-Request-Id and echoes it", async () => {
    await run(async () => {
      const next = seen();
      const res = await serve(tracing(() => {}, seqIDs())(next.handler), "/", [["X-Request-Id", "order-42"]]);
      expect(next.requestID, "requestIDFrom(ctx) returns the client's valid id").toBe("order-42");
      expect(res.header.get("X-Request-Id"), "the response echoes the request id, set before the handler writes").toBe(
        "order-42",
      );
    });
  });

  it("without a valid X-Request-Id, the trace id is the request id", async () => {
    await run(async () => {
      const next = seen();
      const res = await serve(tracing(() => {}, seqIDs())(next.handler), "/", [
        ["X-Request-Id", "<script>"],
        ["traceparent", valid],
      ]);
      expect([next.requestID, res.header.get("X-Request-Id")], "an invalid id is replaced by the trace id").toEqual([
        TRACE,
        TRACE,
      ]);
    });
  });
});

describe("Task 3: propagation to downstream calls", () => {
  it("the downstream call carries the trace, with this hop as its parent", async () => {
    await run(async () => {
      const inv = inventory();
      const h = newServer(inv.srv.url, inv.srv.client(), () => {}, seqIDs());
      const res = await serve(h, "/orders/8", [
        ["traceparent", `00-${TRACE}-${CALLER}-00`],
        ["X-Request-Id", "order-42"],
      ]);
      expect(res.status, `GET /orders/8 answered ${res.status}: ${res.body}`).toBe(200);
      expect(
        inv.got,
        "the inventory gets the same trace id, this server's span id as parent-id (not the caller's), the flags as received, and the request id",
      ).toEqual([{ path: "/stock/8", traceparent: `00-${TRACE}-${span1}-00`, requestID: "order-42" }]);
      inv.srv.close();
    });
  });

  it("a new trace is propagated too", async () => {
    await run(async () => {
      const inv = inventory();
      await serve(
        newServer(inv.srv.url, inv.srv.client(), () => {}, seqIDs()),
        "/orders/8",
      );
      expect(inv.got, "the trace this server started goes downstream, and its trace id as the request id").toEqual([
        { path: "/stock/8", traceparent: `00-${trace1}-${span1}-01`, requestID: trace1 },
      ]);
      inv.srv.close();
    });
  });

  it("two traced services: the callee's parent is the caller's span", async () => {
    await run(async () => {
      const lines: string[] = [];
      const downstream = newTestServer(
        tracing((l) => lines.push(l), { traceID: () => "c".repeat(32), spanID: () => "d".repeat(16) })(
          http.handlerFunc((w) => http.writeJSON(w, 200, 3)),
        ),
      );
      await serve(
        newServer(downstream.url, downstream.client(), () => {}, seqIDs()),
        "/orders/1",
        [["traceparent", valid]],
      );
      const got = JSON.parse(lines[0] ?? "{}") as Record<string, unknown>;
      expect(
        [got.trace_id, got.parent_id, got.span_id],
        "one trace across both services: the inventory's parent is the orders service's span",
      ).toEqual([TRACE, span1, "d".repeat(16)]);
      downstream.close();
    });
  });

  it("inject without a span sets nothing", () => {
    const h = new http.Header();
    inject(background(), h);
    expect([h.get("traceparent"), h.get("X-Request-Id")], "a context with no span has no trace to pass on").toEqual([
      "",
      "",
    ]);
  });
});

describe("Task 4: one JSON log line per request", () => {
  it("logs method, path, status, virtual duration and the trace", async () => {
    await run(async () => {
      const inv = inventory();
      const lines: string[] = [];
      await serve(
        newServer(inv.srv.url, inv.srv.client(), (l) => lines.push(l), seqIDs()),
        "/orders/7?gift=1",
        [["traceparent", valid]],
      );
      expect(lines.length, `${lines.length} log lines for one request; exactly one, after it is served`).toBe(1);
      let got: unknown;
      try {
        got = JSON.parse(lines[0]!);
      } catch {
        got = `not JSON: ${lines[0]}`;
      }
      expect(
        got,
        "one JSON object: the 45ms the request took (5ms loading the order, 40ms in the inventory), the path without its query, and the trace",
      ).toEqual({
        level: "INFO",
        msg: "request",
        method: "GET",
        path: "/orders/7",
        status: 200,
        duration_ms: 45,
        trace_id: TRACE,
        span_id: span1,
        parent_id: CALLER,
        request_id: TRACE,
      });
      expect(lines[0]!.includes("\n"), "a log line is one line").toBe(false);
      inv.srv.close();
    });
  });

  it("logs the status the client received", async () => {
    await run(async () => {
      const lines: string[] = [];
      const h = tracing(
        (l) => lines.push(l),
        seqIDs(),
      )(
        http.handlerFunc(async (w) => {
          await time.sleep(15 * time.Millisecond);
          http.error(w, "teapot", http.StatusTeapot);
        }),
      );
      await serve(h, "/tea");
      const got = JSON.parse(lines[0] ?? "{}") as Record<string, unknown>;
      expect([got.status, got.duration_ms], "the handler's 418 after 15ms of virtual time").toEqual([418, 15]);
    });
  });

  it("concurrent requests each keep their own trace, downstream and in the log", async () => {
    // Two requests in flight at once: anything stored outside the context is overwritten by the other one.
    await explore(
      async () => {
        const inv = inventory();
        const lines: string[] = [];
        const h = newServer(inv.srv.url, inv.srv.client(), (l) => lines.push(l));
        const traces: Record<string, string> = { "7": "1".repeat(32), "8": "2".repeat(32) };
        const wg = new WaitGroup();
        for (const id of ["7", "8"]) {
          wg.add(1);
          go(async () => {
            try {
              await serve(h, `/orders/${id}`, [["traceparent", `00-${traces[id]}-${CALLER}-01`]]);
            } finally {
              wg.done();
            }
          });
        }
        await wg.wait();
        const logged = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
        logged.sort((a, b) => String(a.path).localeCompare(String(b.path)));
        expect(
          logged.map((l) => [l.path, l.trace_id, l.duration_ms]),
          "each log line has its own request's trace and time (7 takes 45ms, 8 takes 15ms)",
        ).toEqual([
          ["/orders/7", traces["7"], 45],
          ["/orders/8", traces["8"], 15],
        ]);
        const down = [...inv.got].sort((a, b) => a.path.localeCompare(b.path));
        expect(
          down.map((d) => d.traceparent),
          "each downstream call carries its own request's trace id and span id: keep the span in the request's context",
        ).toEqual(logged.map((l) => `00-${String(l.trace_id)}-${String(l.span_id)}-01`));
        inv.srv.close();
      },
      { seeds: 30 },
    ); // 30 schedules keep a Run quick; the mix-up shows in every one
  });

  it("a 404 is logged too", async () => {
    await run(async () => {
      const lines: string[] = [];
      await serve(
        newServer("http://127.0.0.1:1", new http.Client(), (l) => lines.push(l), seqIDs()),
        "/nope",
      );
      const got = JSON.parse(lines[0] ?? "{}") as Record<string, unknown>;
      expect([got.path, got.status], "a request no route matched is still one log line").toEqual(["/nope", 404]);
    });
  });
});
