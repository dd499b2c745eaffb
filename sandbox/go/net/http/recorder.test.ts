// Ported from Go's net/http/httptest recorder_test.go (TestRecorder and
// TestRecorderPanicsOnNonXXXStatusCode). The trailer cases are left out:
// this ResponseRecorder has no trailers.

import { describe, expect, it } from "vitest";
import { newRecorder, newRequest } from "./httptest";
import type { ResponseRecorder } from "./httptest";
import type { ResponseWriter } from "./index";

type Check = (rec: ResponseRecorder) => void;
const hasStatus =
  (want: number): Check =>
  (rec) =>
    expect(rec.code).toBe(want);
const hasResultStatus =
  (want: string): Check =>
  (rec) =>
    expect(rec.result().status).toBe(want);
const hasResultStatusCode =
  (want: number): Check =>
  (rec) =>
    expect(rec.result().statusCode).toBe(want);
const hasContents =
  (want: string): Check =>
  (rec) =>
    expect(rec.body).toBe(want);
const hasFlush =
  (want: boolean): Check =>
  (rec) =>
    expect(rec.flushed).toBe(want);
const hasOldHeader =
  (key: string, want: string): Check =>
  (rec) =>
    expect(rec.headerMap.get(key)).toBe(want);
const hasHeader =
  (key: string, want: string): Check =>
  (rec) =>
    expect(rec.result().header.get(key)).toBe(want);
const hasNotHeaders =
  (...keys: string[]): Check =>
  (rec) => {
    for (const k of keys) expect(rec.result().header.has(k)).toBe(false);
  };
const hasContentLength =
  (want: number): Check =>
  (rec) =>
    expect(rec.result().contentLength).toBe(want);

const cases: [name: string, h: (w: ResponseWriter & ResponseRecorder) => void, checks: Check[]][] = [
  ["200 default", () => {}, [hasStatus(200), hasContents("")]],
  [
    "first code only",
    (w) => {
      w.writeHeader(201);
      w.writeHeader(202);
      w.write("hi");
    },
    [hasStatus(201), hasContents("hi")],
  ],
  [
    "write sends 200",
    (w) => {
      w.write("hi first");
      w.writeHeader(201);
      w.writeHeader(202);
    },
    [hasStatus(200), hasContents("hi first"), hasFlush(false)],
  ],
  [
    "write string",
    (w) => w.writeString("hi first"),
    [hasStatus(200), hasContents("hi first"), hasFlush(false), hasHeader("Content-Type", "text/plain; charset=utf-8")],
  ],
  [
    "flush",
    (w) => {
      w.flush(); // also sends a 200
      w.writeHeader(201);
    },
    [hasStatus(200), hasFlush(true), hasContentLength(-1)],
  ],
  ["Content-Type detection", (w) => w.writeString("<html>"), [hasHeader("Content-Type", "text/html; charset=utf-8")]],
  [
    "no Content-Type detection with Transfer-Encoding",
    (w) => {
      w.header().set("Transfer-Encoding", "some encoding");
      w.writeString("<html>");
    },
    [hasHeader("Content-Type", "")],
  ],
  [
    "no Content-Type detection if set explicitly",
    (w) => {
      w.header().set("Content-Type", "some/type");
      w.writeString("<html>");
    },
    [hasHeader("Content-Type", "some/type")],
  ],
  [
    "Header is not changed after write",
    (w) => {
      const hdr = w.header();
      hdr.set("Key", "correct");
      w.writeHeader(200);
      hdr.set("Key", "incorrect");
    },
    [hasHeader("Key", "correct")],
  ],
  [
    "Header set without any write", // Issue 15560
    (w) => {
      w.header().set("X-Foo", "1");
      // Simulate somebody using a zero ResponseRecorder instead of newRecorder.
      w.code = 0;
    },
    [
      hasOldHeader("X-Foo", "1"),
      hasStatus(0),
      hasHeader("X-Foo", "1"),
      hasResultStatus("200 OK"),
      hasResultStatusCode(200),
    ],
  ],
  [
    "HeaderMap vs FinalHeaders", // more for Issue 15560
    (w) => {
      const h = w.header();
      h.set("X-Foo", "1");
      w.write("hi");
      h.set("X-Foo", "2");
      h.set("X-Bar", "2");
    },
    [hasOldHeader("X-Foo", "2"), hasOldHeader("X-Bar", "2"), hasHeader("X-Foo", "1"), hasNotHeaders("X-Bar")],
  ],
  [
    "setting Content-Length header",
    (w) => {
      const body = "Some body";
      w.header().set("Content-Length", String(body.length));
      w.writeString(body);
    },
    [hasStatus(200), hasContents("Some body"), hasContentLength(9)],
  ],
];

describe("ResponseRecorder (Go's TestRecorder)", () => {
  for (const [name, h, checks] of cases) {
    it(name, () => {
      const rec = newRecorder();
      h(rec);
      for (const check of checks) check(rec);
    });
  }

  it("an unknown code keeps Go's trailing space in the status", () => {
    const rec = newRecorder();
    rec.writeHeader(799);
    expect(rec.result().status).toBe("799 ");
  });

  // Issue 39017: Content-Length values such as "+3" are not lengths.
  for (const [cl, want] of [
    ["3", 3],
    ["+3", -1],
    ["-3", -1],
    [" 7 ", 7],
  ] as const) {
    it(`result().contentLength for Content-Length ${JSON.stringify(cl)} is ${want}`, () => {
      const rec = newRecorder();
      rec.header().set("Content-Length", cl);
      expect(rec.result().contentLength).toBe(want);
    });
  }

  // Issue 45353: codes that are not three digits panic.
  for (const bad of [-100, 0, 99, 1000, 20000]) {
    it(`writeHeader(${bad}) panics`, () => {
      expect(() => newRecorder().writeHeader(bad)).toThrow(`invalid WriteHeader code ${bad}`);
    });
  }

  it("handlers see the request newRequest made", () => {
    const r = newRequest("GET", "http://foo.com/");
    expect([r.host, r.url.path]).toEqual(["foo.com", "/"]);
  });
});
