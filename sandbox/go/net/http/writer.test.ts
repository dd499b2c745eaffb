// The server's header rules, from Go's serve_test.go (TestHeadResponses,
// Test304Responses, TestNoContentTypeOnNotModified, TestContentTypeOkayOn204)
// and the chunkWriter.writeHeader comments in server.go.

import { describe, expect, it } from "vitest";
import { newServer } from "./httptest";
import { handlerFunc } from "./index";
import type { ResponseWriter } from "./index";

async function serve(h: (w: ResponseWriter) => void, method = "GET") {
  return newServer(handlerFunc((w) => h(w))).request(method, "/");
}

describe("HEAD", () => {
  it("sniffs and counts like GET, sends no body (TestHeadResponses)", async () => {
    const res = await serve((w) => {
      expect(w.write("<html>")).toBe(6);
      expect(w.write("789a")).toBe(4);
    }, "HEAD");
    expect(res.header.get("Content-Type")).toBe("text/html; charset=utf-8");
    expect(res.contentLength).toBe(10);
    expect(res.header.get("Content-Length")).toBe("10");
    expect(await res.text()).toBe("");
  });

  it("with nothing written has no Content-Length (Go cannot tell 0 from unknown)", async () => {
    const res = await serve(() => {}, "HEAD");
    expect(res.header.has("Content-Length")).toBe(false);
    expect(res.contentLength).toBe(-1);
    const get = await serve(() => {});
    expect(get.header.get("Content-Length")).toBe("0");
    expect(get.contentLength).toBe(0);
  });

  it("a Content-Length the handler set is kept", async () => {
    const res = await serve((w) => w.header().set("Content-Length", "42"), "HEAD");
    expect(res.contentLength).toBe(42);
  });
});

describe("bodiless statuses", () => {
  for (const path of ["/", "/header", "/more"]) {
    it(`304 drops Content-Type, Content-Length and the body (${path})`, async () => {
      const srv = newServer(
        handlerFunc((w, r) => {
          w.header().set("Content-Type", "text/plain");
          if (r.url.path === "/header") w.header().set("Content-Length", "123");
          w.writeHeader(304);
          if (r.url.path === "/more") expect(w.write("stuff")).toBe(0); // Go: ErrBodyNotAllowed
        }),
      );
      const res = await srv.get(path);
      expect(res.status).toBe("304 Not Modified");
      expect(res.header.has("Content-Length")).toBe(false);
      expect(res.header.has("Content-Type")).toBe(false);
      expect(res.transferEncoding).toEqual([]);
      expect(res.contentLength).toBe(0);
      expect(await res.text()).toBe("");
    });
  }

  it("204 keeps Content-Type, drops Content-Length (TestContentTypeOkayOn204)", async () => {
    const res = await serve((w) => {
      w.header().set("Content-Length", "123");
      w.header().set("Content-Type", "foo/bar");
      w.writeHeader(204);
    });
    expect(res.header.get("Content-Type")).toBe("foo/bar");
    expect(res.header.get("Content-Length")).toBe("");
    expect(res.contentLength).toBe(0);
  });

  it("1xx informational codes do not end the header; 101 does", async () => {
    const res = await serve((w) => {
      w.writeHeader(103);
      w.writeHeader(201);
      w.write("made");
    });
    expect([res.statusCode, await res.text()]).toEqual([201, "made"]);
    const sw = await serve((w) => {
      w.header().set("Content-Length", "5");
      w.writeHeader(101);
      expect(w.write("x")).toBe(0);
    });
    expect([sw.statusCode, sw.header.has("Content-Length")]).toEqual([101, false]);
  });
});

describe("Content-Length and chunking", () => {
  it("a body that fits Go's 2048-byte buffer gets a Content-Length", async () => {
    const res = await serve((w) => w.write("a".repeat(2048)));
    expect([res.contentLength, res.transferEncoding]).toEqual([2048, []]);
  });

  it("a bigger body is sent chunked, with no Content-Length", async () => {
    const res = await serve((w) => {
      w.write("a".repeat(100));
      w.write("b".repeat(2000));
    });
    expect([res.contentLength, res.transferEncoding, res.header.has("Content-Length")]).toEqual([
      -1,
      ["chunked"],
      false,
    ]);
    expect((await res.text()).length).toBe(2100);
  });

  it("an explicit Content-Length is kept and avoids chunking", async () => {
    const res = await serve((w) => {
      w.header().set("Content-Length", "3000");
      w.write("a".repeat(3000));
    });
    expect([res.contentLength, res.transferEncoding]).toEqual([3000, []]);
  });

  it("Transfer-Encoding: identity drops the header and sends no length", async () => {
    const res = await serve((w) => {
      w.header().set("Transfer-Encoding", "identity");
      w.write("hi");
    });
    expect([res.contentLength, res.transferEncoding, res.header.has("Transfer-Encoding")]).toEqual([-1, [], false]);
  });

  it("unknown status codes read as 'status code N', as Go's server writes them", async () => {
    const res = await serve((w) => w.writeHeader(799));
    expect(res.status).toBe("799 status code 799");
  });
});
