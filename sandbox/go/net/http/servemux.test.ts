// Ported from Go's net/http serve_test.go: serveMuxTests (with the CONNECT
// cases), serveMuxTests2, TestMuxRedirectLeadingSlashes,
// TestServeWithSlashRedirectForHostPatterns, TestRedirect and
// TestRedirectContentTypeAndBody.

import { describe, expect, it } from "vitest";
import { newRecorder } from "./httptest";
import type { Handler, ResponseWriter } from "./index";
import { handlerFunc, newServeMux, redirect } from "./index";
import { Request } from "./request";
import { newRequest } from "./client";

const serve = (code: number) => handlerFunc((w: ResponseWriter) => w.writeHeader(code));
const stringHandler = (s: string): Handler => handlerFunc((w) => w.header().set("Result", s));

function checkQueryStringHandler(w: ResponseWriter, r: Request) {
  const u = `http://${r.host}${r.url.escapedPath()}`;
  w.writeHeader("http://" + r.url.rawQuery === u ? 200 : 500);
}

function registered() {
  const mux = newServeMux();
  mux.handle("/dir/", serve(200));
  mux.handle("/search", serve(201));
  mux.handle("codesearch.google.com/search", serve(202));
  mux.handle("codesearch.google.com/", serve(203));
  mux.handle("example.com/", handlerFunc(checkQueryStringHandler));
  return mux;
}

// A server request as Go's tests build it: &Request{Method, Host, URL: &url.URL{Path}}.
function req(method: string, host: string, target: string): Request {
  const r = new Request(method, target);
  r.host = host;
  return r;
}

const serveMuxTests: [method: string, host: string, path: string, code: number, pattern: string][] = [
  ["GET", "google.com", "/", 404, ""],
  ["GET", "google.com", "/dir", 301, "/dir/"],
  ["GET", "google.com", "/dir/", 200, "/dir/"],
  ["GET", "google.com", "/dir/file", 200, "/dir/"],
  ["GET", "google.com", "/search", 201, "/search"],
  ["GET", "google.com", "/search/", 404, ""],
  ["GET", "google.com", "/search/foo", 404, ""],
  ["GET", "codesearch.google.com", "/search", 202, "codesearch.google.com/search"],
  ["GET", "codesearch.google.com", "/search/", 203, "codesearch.google.com/"],
  ["GET", "codesearch.google.com", "/search/foo", 203, "codesearch.google.com/"],
  ["GET", "codesearch.google.com", "/", 203, "codesearch.google.com/"],
  ["GET", "codesearch.google.com:443", "/", 203, "codesearch.google.com/"],
  ["GET", "images.google.com", "/search", 201, "/search"],
  ["GET", "images.google.com", "/search/", 404, ""],
  ["GET", "images.google.com", "/search/foo", 404, ""],
  ["GET", "google.com", "/../search", 301, "/search"],
  ["GET", "google.com", "/dir/..", 301, ""],
  ["GET", "google.com", "/dir/./file", 301, "/dir/"],

  // The /foo -> /foo/ redirect applies to CONNECT requests
  // but the path canonicalization does not.
  ["CONNECT", "google.com", "/dir", 301, "/dir/"],
  ["CONNECT", "google.com", "/../search", 404, ""],
  ["CONNECT", "google.com", "/dir/..", 200, "/dir/"],
  ["CONNECT", "google.com", "/dir/./file", 200, "/dir/"],
];

describe("ServeMux.handler (Go's serveMuxTests)", () => {
  const mux = registered();
  for (const [method, host, path, code, pattern] of serveMuxTests) {
    it(`${method} ${host} ${path} -> ${code} ${JSON.stringify(pattern)}`, async () => {
      const r = req(method, host, path);
      const [h, pat] = mux.handler(r);
      const rr = newRecorder();
      await h.serveHTTP(rr, r);
      expect([rr.code, pat]).toEqual([code, pattern]);
    });
  }

  it("a redirect to a wildcard subtree reports that pattern (Issue 73688)", () => {
    const m = newServeMux();
    m.handle("/{x}/", serve(404));
    expect(m.handler(newRequest("POST", "/foo"))[1]).toBe("/{x}/");
  });
});

describe("redirects keep the query (Go's serveMuxTests2)", () => {
  const cases: [string, string, number, boolean][] = [
    ["google.com", "/", 404, false],
    ["example.com", "/test/?example.com/test/", 200, false],
    ["example.com", "test/?example.com/test/", 200, true],
  ];
  const mux = registered();
  for (const [host, url, code, redirOk] of cases) {
    it(`GET ${host} ${url}`, async () => {
      let tries = 1;
      let turl = url;
      for (;;) {
        const r = req("GET", host, turl);
        const rr = newRecorder();
        await mux.handler(r)[0].serveHTTP(rr, r);
        if (rr.code !== 301) {
          expect(rr.code).toBe(code);
          break;
        }
        expect(redirOk).toBe(true);
        turl = rr.headerMap.get("Location");
        tries--;
      }
      expect(tries).toBeGreaterThanOrEqual(0);
    });
  }

  for (const path of ["//foo.txt", "///foo.txt", "/../../foo.txt"]) {
    it(`leading slashes: ${path} -> 301 /foo.txt (Go issue 900)`, async () => {
      const rr = newRecorder();
      await newServeMux().serveHTTP(rr, req("GET", "test", path));
      expect([rr.code, rr.header().get("Location")]).toEqual([301, "/foo.txt"]);
    });
  }
});

describe("host patterns and CONNECT (TestServeWithSlashRedirectForHostPatterns)", () => {
  const mux = newServeMux();
  for (const p of [
    "example.com/pkg/foo/",
    "example.com/pkg/bar",
    "example.com/pkg/bar/",
    "example.com:3000/pkg/connect/",
    "example.com:9000/",
    "/pkg/baz/",
  ]) {
    mux.handle(p, stringHandler(p));
  }
  const tests: [string, string, number, string, string][] = [
    ["GET", "http://example.com/", 404, "", ""],
    ["GET", "http://example.com/pkg/foo", 301, "/pkg/foo/", ""],
    ["GET", "http://example.com/pkg/bar", 200, "", "example.com/pkg/bar"],
    ["GET", "http://example.com/pkg/bar/", 200, "", "example.com/pkg/bar/"],
    ["GET", "http://example.com/pkg/baz", 301, "/pkg/baz/", ""],
    ["GET", "http://example.com:3000/pkg/foo", 301, "/pkg/foo/", ""],
    ["CONNECT", "http://example.com/", 404, "", ""],
    ["CONNECT", "http://example.com:3000/", 404, "", ""],
    ["CONNECT", "http://example.com:9000/", 200, "", "example.com:9000/"],
    ["CONNECT", "http://example.com/pkg/foo", 301, "/pkg/foo/", ""],
    ["CONNECT", "http://example.com:3000/pkg/foo", 404, "", ""],
    ["CONNECT", "http://example.com:3000/pkg/baz", 301, "/pkg/baz/", ""],
    ["CONNECT", "http://example.com:3000/pkg/connect", 301, "/pkg/connect/", ""],
  ];
  for (const [method, url, code, loc, want] of tests) {
    it(`${method} ${url} -> ${code}`, async () => {
      const w = newRecorder();
      await mux.serveHTTP(w, newRequest(method, url));
      expect(w.code).toBe(code);
      if (code === 301) expect(w.headerMap.get("Location")).toBe(loc);
      else expect(w.headerMap.get("Result")).toBe(want);
    });
  }
});

describe("redirect (Go's TestRedirect)", () => {
  const tests: [string, string][] = [
    // normal http
    ["http://foobar.com/baz", "http://foobar.com/baz"],
    // normal https
    ["https://foobar.com/baz", "https://foobar.com/baz"],
    // custom scheme
    ["test://foobar.com/baz", "test://foobar.com/baz"],
    // schemeless
    ["//foobar.com/baz", "//foobar.com/baz"],
    // relative to the root
    ["/foobar.com/baz", "/foobar.com/baz"],
    // relative to the current path
    ["foobar.com/baz", "/qux/foobar.com/baz"],
    // relative to the current path (+ going upwards)
    ["../quux/foobar.com/baz", "/quux/foobar.com/baz"],
    // incorrect number of slashes: a path, not another host
    ["///foobar.com/baz", "/foobar.com/baz"],
    ["///evil.example/x", "/evil.example/x"],
    // Verifies we don't path.Clean() on the wrong parts in redirects:
    ["/foo?next=http://bar.com/", "/foo?next=http://bar.com/"],
    [
      "http://localhost:8080/_ah/login?continue=http://localhost:8080/",
      "http://localhost:8080/_ah/login?continue=http://localhost:8080/",
    ],
    ["/фубар", "/%d1%84%d1%83%d0%b1%d0%b0%d1%80"],
    ["http://foo.com/фубар", "http://foo.com/%d1%84%d1%83%d0%b1%d0%b0%d1%80"],
    // url.Parse fails on these, so Go leaves them alone.
    ["a:b/../c", "a:b/../c"],
    ["x%zz/../y", "x%zz/../y"],
  ];
  const r = newRequest("GET", "http://example.com/qux/");
  for (const [input, want] of tests) {
    it(`${input} -> ${want}`, () => {
      const rec = newRecorder();
      redirect(rec, r, input, 302);
      expect([rec.code, rec.header().get("Location")]).toEqual([302, want]);
    });
  }

  const ctTests: [initCT: string | null, method: string, wantCT: string, wantBody: string][] = [
    [null, "GET", "text/html; charset=utf-8", '<a href="/foo">Found</a>.\n\n'],
    [null, "HEAD", "text/html; charset=utf-8", ""],
    [null, "POST", "", ""],
    [null, "DELETE", "", ""],
    [null, "CONNECT", "", ""],
    ["application/json", "GET", "application/json", ""],
    ["application/json", "HEAD", "application/json", ""],
    ["application/json", "POST", "application/json", ""],
    ["", "GET", "", ""],
    ["", "HEAD", "", ""],
    ["", "POST", "", ""],
  ];
  for (const [initCT, method, wantCT, wantBody] of ctTests) {
    it(`Content-Type ${JSON.stringify(initCT)} ${method} (TestRedirectContentTypeAndBody)`, () => {
      const rec = newRecorder();
      if (initCT !== null) rec.header().set("Content-Type", initCT);
      redirect(rec, newRequest(method, "http://example.com/"), "/foo", 302);
      expect([rec.code, rec.header().get("Content-Type"), rec.body]).toEqual([302, wantCT, wantBody]);
    });
  }
});
