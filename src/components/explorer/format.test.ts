import { describe, expect, it } from "vitest";
import { buildRequest, formatBody, formatMs, statusClass, statusText } from "./format";

describe("buildRequest", () => {
  it("normalises the path, drops empty headers and adds a JSON content type", () => {
    expect(
      buildRequest(
        "post",
        "products",
        [
          { id: 1, name: " X-Trace ", value: "1" },
          { id: 2, name: "", value: "ignored" },
        ],
        '{"a":1}',
      ),
    ).toEqual({
      method: "POST",
      path: "/products",
      headers: [
        ["X-Trace", "1"],
        ["Content-Type", "application/json"],
      ],
      body: '{"a":1}',
    });
  });

  it("keeps an explicit content type and clears bodies for GET/HEAD", () => {
    expect(buildRequest("PUT", "/", [{ id: 1, name: "content-type", value: "text/plain" }], "hi").headers).toEqual([
      ["content-type", "text/plain"],
    ]);
    expect(buildRequest("GET", "", [], "x")).toEqual({ method: "GET", path: "/", headers: [], body: "" });
    expect(buildRequest("HEAD", "/h", [], "x").body).toBe("");
  });
});

describe("response formatting", () => {
  it("classifies status codes", () => {
    expect(statusClass(200)).toBe("success");
    expect(statusClass(302)).toBe("redirect");
    expect(statusClass(404)).toBe("client-error");
    expect(statusClass(503)).toBe("server-error");
    expect(statusClass(0)).toBe("unknown");
    expect(statusText(404, "")).toBe("Not Found");
    expect(statusText(404, "Nope")).toBe("Nope");
    expect(statusText(299)).toBe("");
  });

  it("pretty-prints JSON and leaves other text alone", () => {
    expect(formatBody('{"a":[1,2]}')).toEqual({ text: '{\n  "a": [\n    1,\n    2\n  ]\n}', json: true });
    expect(formatBody("hello")).toEqual({ text: "hello", json: false });
    expect(formatBody("{broken")).toEqual({ text: "{broken", json: false });
    expect(formatBody("")).toEqual({ text: "", json: false });
    expect(formatBody("42").json).toBe(true);
  });

  it("formats durations", () => {
    expect(formatMs(3.14159)).toBe("3.14 ms");
    expect(formatMs(250.4)).toBe("250 ms");
    expect(formatMs(1500)).toBe("1.5 s");
  });
});
