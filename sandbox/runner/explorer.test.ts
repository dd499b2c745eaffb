import { describe, expect, it } from "vitest";
import type { ExplorerRequest, ExplorerResponse } from "../protocol";
import type { Handler } from "../go/net/http/index";
import { newServeMux, writeJSON } from "../go/net/http/index";
import { run } from "../go/testing/synctest";
import * as time from "../go/time";
import { serveExplorerRequest } from "./explorer";

describe("serveExplorerRequest", () => {
  it("matches the protocol types", () => {
    const check = (
      f: typeof serveExplorerRequest,
    ): ((h: Handler, r: ExplorerRequest) => Promise<Omit<ExplorerResponse, "wallMs">>) => f;
    expect(check).toBeTypeOf("function");
  });

  const mux = newServeMux();
  mux.handleFunc("GET /p/{id}", async (w, r) => {
    await time.sleep(25 * time.Millisecond);
    writeJSON(w, 200, {
      id: r.pathValue("id"),
      q: r.url.query().get("v"),
      auth: r.header.get("Authorization"),
      host: r.host,
    });
  });
  mux.handleFunc("POST /p", async (w, r) => writeJSON(w, 201, { body: await r.text() }));
  mux.handleFunc("GET /boom", () => {
    throw new Error("kaboom");
  });

  it("serves a request and reports virtual time", async () => {
    await run(async () => {
      const res = await serveExplorerRequest(mux, {
        method: "GET",
        path: "/p/7?v=1",
        headers: [["authorization", "Bearer x"]],
        body: "",
      });
      expect(res.status).toBe(200);
      expect(res.statusText).toBe("OK");
      expect(JSON.parse(res.body)).toEqual({ id: "7", q: "1", auth: "Bearer x", host: "localhost" });
      expect(res.headers).toContainEqual(["Content-Type", "application/json"]);
      expect(res.headers).toContainEqual(["Content-Length", String(res.body.length)]);
      expect(res.headers).toContainEqual(["Date", "Sat, 01 Jan 2000 00:00:00 GMT"]);
      expect(res.virtualMs).toBe(25);
      expect(res.error).toBeUndefined();
    });
  });

  it("passes the body and reports 405/404", async () => {
    await run(async () => {
      const created = await serveExplorerRequest(mux, { method: "post", path: "/p", headers: [], body: "hi" });
      expect([created.status, created.body]).toEqual([201, '{"body":"hi"}\n']);
      const notAllowed = await serveExplorerRequest(mux, { method: "DELETE", path: "/p/1", headers: [], body: "" });
      expect(notAllowed.status).toBe(405);
      expect(notAllowed.headers).toContainEqual(["Allow", "GET, HEAD"]);
      const missing = await serveExplorerRequest(mux, { method: "GET", path: "/zzz", headers: [], body: "" });
      expect([missing.status, missing.body]).toEqual([404, "404 page not found\n"]);
    });
  });

  it("a panic gives no response and an explanation", async () => {
    await run(async () => {
      const orig = console.error;
      console.error = () => {};
      try {
        const res = await serveExplorerRequest(mux, { method: "GET", path: "/boom", headers: [], body: "" });
        expect(res.status).toBe(0);
        expect(res.error).toMatch(/^panic: kaboom\n/);
        // Go's line stays as Go prints it, a parameter of the platform's explanation.
        expect(res.platform).toEqual({ code: "explorerPanic", params: { panic: "panic: kaboom" } });
      } finally {
        console.error = orig;
      }
    });
  });

  it("no handler", async () => {
    const res = await serveExplorerRequest(undefined, { method: "GET", path: "/", headers: [], body: "" });
    expect(res.error).toMatch(/^no handler/);
    expect(res.platform).toEqual({ code: "explorerNoHandler" });
  });
});
