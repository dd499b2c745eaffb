import { describe, expect, it } from "vitest";
import { Header, canonicalHeaderKey } from "./header";
import { newRequest, newServer } from "./httptest";
import { ErrUseLastResponse, handlerFunc, newServeMux, redirect } from "./index";
import { parseQuery, parseURL } from "./url";

describe("URL and Values", () => {
  it("parses request targets and absolute URLs", () => {
    const u = parseURL("/a%20b/c?x=1&y=a+b&x=2#frag");
    expect([u.path, u.rawQuery, u.fragment, u.escapedPath()]).toEqual(["/a b/c", "x=1&y=a+b&x=2", "frag", "/a%20b/c"]);
    expect(u.query().values("x")).toEqual(["1", "2"]);
    expect(u.query().get("y")).toBe("a b");
    expect(u.query().get("missing")).toBe("");
    const abs = parseURL("https://Example.com:8443/p?q");
    expect([abs.scheme, abs.host, abs.path, abs.string()]).toEqual([
      "https",
      "Example.com:8443",
      "/p",
      "https://Example.com:8443/p?q",
    ]);
  });

  it("keeps the raw form of escaped slashes", () => {
    const u = parseURL("/files/a%2Fb");
    expect(u.path).toBe("/files/a/b");
    expect(u.escapedPath()).toBe("/files/a%2Fb");
  });

  it("rejects invalid escapes", () => {
    expect(() => parseURL("/a%zz")).toThrow("invalid URL escape");
    expect(() => newRequest("GET", "/a%zz")).toThrow("invalid NewRequest arguments");
  });

  it("encodes values sorted by key", () => {
    const [v] = parseQuery("b=2&a=1&a=x%26y");
    expect(v.encode()).toBe("a=1&a=x%26y&b=2");
  });
});

describe("Header", () => {
  it("canonicalizes keys", () => {
    expect(canonicalHeaderKey("content-TYPE")).toBe("Content-Type");
    expect(canonicalHeaderKey("x-request-id")).toBe("X-Request-Id");
    expect(canonicalHeaderKey("bad key")).toBe("bad key");
  });
  it("get/set/add/del/values/clone", () => {
    const h = new Header({ accept: ["a", "b"], "content-type": "text/plain" });
    expect(h.values("Accept")).toEqual(["a", "b"]);
    expect(h.get("Content-Type")).toBe("text/plain");
    const c = h.clone();
    h.del("accept");
    expect([h.has("Accept"), c.has("Accept")]).toEqual([false, true]);
    expect(c.entries()).toEqual([
      ["Accept", "a"],
      ["Accept", "b"],
      ["Content-Type", "text/plain"],
    ]);
  });
});

describe("Client redirects", () => {
  const mux = newServeMux();
  mux.handleFunc("GET /old", (w, r) => redirect(w, r, "/new?from=old", 302));
  mux.handleFunc("POST /form", (w, r) => redirect(w, r, "/done", 303));
  mux.handleFunc("/new", (w, r) => w.write(`${r.method} ${r.url.requestURI()}`));
  mux.handleFunc("/done", (w, r) => w.write(`${r.method} done`));
  mux.handleFunc("/loop", handlerFunc((w, r) => redirect(w, r, "/loop", 302)).serveHTTP);

  it("follows redirects, turning POST into GET on 303", async () => {
    const srv = newServer(mux);
    expect(await (await srv.get("/old")).text()).toBe("GET /new?from=old");
    expect(await (await srv.request("POST", "/form", "x")).text()).toBe("GET done");
  });

  it("checkRedirect can stop at the redirect", async () => {
    const srv = newServer(mux);
    srv.client().checkRedirect = () => ErrUseLastResponse;
    const res = await srv.get("/old");
    expect(res.statusCode).toBe(302);
    expect(res.header.get("Location")).toBe("/new?from=old");
  });

  it("gives up after 10 redirects", async () => {
    await expect(newServer(mux).get("/loop")).rejects.toThrow("stopped after 10 redirects");
  });
});
