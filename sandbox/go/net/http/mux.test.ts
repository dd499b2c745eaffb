import { describe, expect, it } from "vitest";
import { newRecorder, newRequest } from "./httptest";
import { handlerFunc, newServeMux } from "./index";
import type { ServeMux } from "./index";

/** A mux whose handlers answer "<pattern> <pathValues>". */
function muxOf(patterns: string[], names: string[] = []): ServeMux {
  const mux = newServeMux();
  for (const p of patterns) {
    mux.handle(
      p,
      handlerFunc((w, r) => {
        const vals = names.map((n) => `${n}=${r.pathValue(n)}`).filter((s) => !s.endsWith("="));
        w.write([r.pattern, ...vals].join(" "));
      }),
    );
  }
  return mux;
}

function serve(mux: ServeMux, method: string, target: string, host?: string) {
  const r = newRequest(method, target);
  if (host) r.host = host;
  const w = newRecorder();
  void mux.serveHTTP(w, r);
  return w;
}

describe("routing: most specific pattern wins", () => {
  const patterns = [
    "/",
    "/{$}",
    "GET /products",
    "GET /products/{id}",
    "GET /products/new",
    "POST /products",
    "DELETE /products/{id}",
    "/static/",
    "GET /static/special.css",
    "/files/{path...}",
    "GET /users/{id}/posts/{post}",
    "HEAD /head-only",
    "GET /head-only",
    "api.example.com/",
    "api.example.com/products/{id}",
    "/a/{x}/{$}",
  ];
  const mux = muxOf(patterns, ["id", "path", "post", "x"]);
  const table: [method: string, target: string, host: string, want: string][] = [
    ["GET", "/", "", "/{$}"],
    ["GET", "/anything", "", "/"],
    ["GET", "/products", "", "GET /products"],
    ["POST", "/products", "", "POST /products"],
    ["GET", "/products/42", "", "GET /products/{id} id=42"],
    ["GET", "/products/new", "", "GET /products/new"],
    ["HEAD", "/products/42", "", "GET /products/{id} id=42"],
    ["DELETE", "/products/7", "", "DELETE /products/{id} id=7"],
    ["GET", "/products/a%20b", "", "GET /products/{id} id=a b"],
    ["GET", "/products/a%2Fb", "", "GET /products/{id} id=a/b"],
    ["GET", "/static/x/y.js", "", "/static/"],
    ["GET", "/static/special.css", "", "GET /static/special.css"],
    ["POST", "/static/special.css", "", "/static/"],
    ["GET", "/files/a/b/c.txt", "", "/files/{path...} path=a/b/c.txt"],
    ["GET", "/users/1/posts/2", "", "GET /users/{id}/posts/{post} id=1 post=2"],
    ["HEAD", "/head-only", "", "HEAD /head-only"],
    ["GET", "/head-only", "", "GET /head-only"],
    ["GET", "/products/42", "api.example.com", "api.example.com/products/{id} id=42"],
    ["GET", "/products/42", "api.example.com:8080", "api.example.com/products/{id} id=42"],
    ["GET", "/products", "api.example.com", "api.example.com/"],
    ["GET", "/products", "other.example.com", "GET /products"],
    ["GET", "/a/b/", "", "/a/{x}/{$} x=b"],
    ["GET", "/a/b/c", "", "/"],
  ];
  for (const [method, target, host, want] of table) {
    it(`${method} ${host}${target} -> ${want}`, () => {
      const w = serve(mux, method, target, host || undefined);
      expect(w.code).toBe(200);
      expect(w.body).toBe(want);
    });
  }

  it("mux.handler returns the handler and pattern", () => {
    const [, pattern] = mux.handler(newRequest("GET", "/products/9"));
    expect(pattern).toBe("GET /products/{id}");
    expect(mux.handler(newRequest("GET", "/static"))[1]).toBe("/static/");
    expect(muxOf(["GET /x"]).handler(newRequest("GET", "/y"))[1]).toBe("");
  });
});

describe("routing: 404, 405 and Allow", () => {
  const mux = muxOf(["GET /items/{id}", "PUT /items/{id}", "DELETE /items/{id}", "POST /items", "GET /dir/"]);
  it("404 when nothing matches", () => {
    const w = serve(mux, "GET", "/nope");
    expect(w.code).toBe(404);
    expect(w.body).toBe("404 page not found\n");
    expect(w.header().get("Content-Type")).toBe("text/plain; charset=utf-8");
    expect(w.header().get("X-Content-Type-Options")).toBe("nosniff");
  });
  it("405 lists the allowed methods, sorted, with HEAD for GET", () => {
    const w = serve(mux, "POST", "/items/3");
    expect(w.code).toBe(405);
    expect(w.header().get("Allow")).toBe("DELETE, GET, HEAD, PUT");
    expect(w.body).toBe("Method Not Allowed\n");
    const w2 = serve(mux, "GET", "/items");
    expect(w2.code).toBe(405);
    expect(w2.header().get("Allow")).toBe("POST");
  });
  it("405 considers the trailing-slash path too", () => {
    const w = serve(mux, "POST", "/dir");
    expect(w.code).toBe(405);
    expect(w.header().get("Allow")).toBe("GET, HEAD");
  });
});

describe("routing: redirects and path cleaning", () => {
  const mux = muxOf(["/dir/", "/exact/{$}", "GET /p/{id}", "/rest/{r...}"]);
  const table: [method: string, target: string, location: string][] = [
    ["GET", "/dir", "/dir/"],
    ["GET", "/dir?x=1&y=2", "/dir/?x=1&y=2"],
    ["POST", "/dir", "/dir/"],
    ["GET", "/exact", "/exact/"],
    ["GET", "/rest", "/rest/"],
    ["GET", "//p/1", "/p/1"],
    ["GET", "/p/./1", "/p/1"],
    ["GET", "/p/x/../2?q=1", "/p/2?q=1"],
    ["GET", "/dir//a", "/dir/a"],
  ];
  for (const [method, target, location] of table) {
    it(`${method} ${target} -> 301 ${location}`, () => {
      const w = serve(mux, method, target);
      expect(w.code).toBe(301);
      expect(w.header().get("Location")).toBe(location);
    });
  }
  it("redirect body for GET is a link", () => {
    const w = serve(mux, "GET", "/dir");
    expect(w.body).toBe('<a href="/dir/">Moved Permanently</a>.\n\n');
    expect(serve(mux, "POST", "/dir").body).toBe("");
  });
  it("clean paths are not redirected", () => {
    expect(serve(mux, "GET", "/dir/").code).toBe(200);
    expect(serve(mux, "GET", "/p/1").code).toBe(200);
  });
});

describe("registration panics", () => {
  const conflicts: [a: string, b: string, detail: string][] = [
    ["/a", "/a", "/a matches the same requests as /a"],
    ["GET /x/{id}", "GET /x/{name}", "GET /x/{name} matches the same requests as GET /x/{id}"],
    ["/a/{x}", "/{y}/b", "both match some paths"],
    ["/", "/{p...}", "matches the same requests as"],
    ["GET /{x}", "/a", "/a matches more methods than GET /{x}, but has a more specific path pattern"],
  ];
  for (const [a, b, detail] of conflicts) {
    it(`${a} then ${b}`, () => {
      const mux = muxOf([a]);
      expect(() => mux.handleFunc(b, () => {})).toThrow(
        `pattern ${JSON.stringify(b)} conflicts with pattern ${JSON.stringify(a)}`,
      );
      expect(() => mux.handleFunc(b, () => {})).toThrow(detail);
    });
  }
  it("no conflict when one is more specific or hosts differ", () => {
    expect(() => muxOf(["/a/{x}", "/a/b", "GET /a/b", "HEAD /a/b", "h.com/a/b", "/a/"])).not.toThrow();
  });
  it("invalid patterns", () => {
    expect(() => muxOf(["/{x}/{x}"])).toThrow('parsing "/{x}/{x}": at offset 5: duplicate wildcard name "x"');
    expect(() => newServeMux().handle("/", null as never)).toThrow("http: nil handler");
  });
});

describe("path values", () => {
  it("setPathValue overrides and adds", () => {
    const mux = newServeMux();
    let got = "";
    mux.handleFunc("GET /u/{id}", (w, r) => {
      r.setPathValue("id", "changed");
      r.setPathValue("extra", "e");
      got = `${r.pathValue("id")} ${r.pathValue("extra")} [${r.pathValue("missing")}]`;
    });
    void mux.serveHTTP(newRecorder(), newRequest("GET", "/u/1"));
    expect(got).toBe("changed e []");
  });
});
