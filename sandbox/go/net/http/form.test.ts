// Ported from Go's net/http request_test.go: form parsing
// (TestParseFormQuery, TestParseFormQueryMethods, TestParseFormUnknownContentType,
// TestParseFormInitializeOnError) and basic auth (parseBasicAuthTests,
// TestSetBasicAuth); plus Body.close.

import { describe, expect, it } from "vitest";
import { encodeStd } from "./base64url";
import { ErrBodyReadAfterClose, NoBody } from "./body";
import { Header } from "./header";
import { maxBytesReader } from "./handlers";
import { newRecorder } from "./httptest";
import { Request } from "./request";
import { newRequest } from "./client";

const form = "application/x-www-form-urlencoded; param=value";

describe("form values", () => {
  it("body values come before query values (TestParseFormQuery)", () => {
    const req = newRequest(
      "POST",
      "http://www.google.com/search?q=foo&q=bar&both=x&prio=1&orphan=nope&empty=not",
      "z=post&both=y&prio=2&=nokey&orphan&empty=&",
    );
    req.header.set("Content-Type", form);
    expect(req.formValue("q")).toBe("foo");
    expect(req.formValue("z")).toBe("post");
    expect(req.postForm!.has("q")).toBe(false);
    expect(req.postFormValue("z")).toBe("post");
    expect(req.form!.values("q")).toEqual(["foo", "bar"]);
    expect(req.form!.values("both")).toEqual(["y", "x"]);
    expect(req.formValue("prio")).toBe("2");
    expect(req.form!.values("orphan")).toEqual(["", "nope"]);
    expect(req.form!.values("empty")).toEqual(["", "not"]);
    expect(req.form!.values("")).toEqual(["nokey"]);
  });

  // Only POST, PATCH and PUT bodies are parsed (TestParseFormQueryMethods).
  for (const method of ["POST", "PATCH", "PUT", "FOO"]) {
    it(`${method} body ${method === "FOO" ? "is not" : "is"} parsed`, () => {
      const req = newRequest(method, "http://www.google.com/search", "foo=bar");
      req.header.set("Content-Type", form);
      expect(req.formValue("foo")).toBe(method === "FOO" ? "" : "bar");
    });
  }

  const contentTypes: [string, string, Header][] = [
    ["text", "", new Header({ "Content-Type": "text/plain" })],
    // Empty content type is legal - may be treated as application/octet-stream (RFC 7231, section 3.1.1.5)
    ["empty", "", new Header()],
    ["boundary", "mime: invalid media parameter", new Header({ "Content-Type": "text/plain; boundary=" })],
    ["unknown", "", new Header({ "Content-Type": "application/unknown" })],
  ];
  for (const [name, wantErr, header] of contentTypes) {
    it(`unknown content type: ${name} (TestParseFormUnknownContentType)`, () => {
      const req = new Request("POST", "/", "body", header);
      const err = req.parseForm();
      expect(err?.message ?? "").toBe(wantErr);
      expect(req.postForm!.keys()).toEqual([]);
    });
  }

  it("form and postForm are set even on errors (TestParseFormInitializeOnError)", () => {
    const req = newRequest("POST", "http://www.google.com/search?q=foo&bad=%zz");
    req.header.set("Content-Type", form);
    req.body = NoBody;
    expect(req.parseForm()?.message).toBe('invalid URL escape "%zz"');
    expect(req.form!.get("q")).toBe("foo");
    expect(req.postForm).not.toBeNull();
  });

  it("a body over a maxBytesReader limit is an error, the query still parses", () => {
    const req = newRequest("POST", "/?a=1", "x=" + "y".repeat(100));
    req.header.set("Content-Type", form);
    req.body = maxBytesReader(newRecorder(), req.body, 10);
    expect(req.parseForm()?.message).toBe("http: request body too large");
    expect(req.formValue("a")).toBe("1");
  });

  it("bodies over 10 MB are refused (http: POST too large)", () => {
    const req = newRequest("POST", "/", "a=" + "b".repeat(10 << 20));
    req.header.set("Content-Type", form);
    expect(req.parseForm()?.message).toBe("http: POST too large");
  });
});

const b64 = (s: string) => encodeStd(new TextEncoder().encode(s));

const parseBasicAuthTests: [header: string, username: string, password: string, ok: boolean][] = [
  ["Basic " + b64("Aladdin:open sesame"), "Aladdin", "open sesame", true],
  // Case doesn't matter:
  ["BASIC " + b64("Aladdin:open sesame"), "Aladdin", "open sesame", true],
  ["basic " + b64("Aladdin:open sesame"), "Aladdin", "open sesame", true],
  ["Basic " + b64("Aladdin:open:sesame"), "Aladdin", "open:sesame", true],
  ["Basic " + b64(":"), "", "", true],
  ["Basic" + b64("Aladdin:open sesame"), "", "", false],
  [b64("Aladdin:open sesame"), "", "", false],
  ["Basic ", "", "", false],
  ["Basic Aladdin:open sesame", "", "", false],
  [`Digest username="Aladdin"`, "", "", false],
  // Go's StdEncoding: padding required, no spaces; UTF-8 credentials.
  ["Basic " + b64("Aladdin:open sesame").replace(/=+$/, ""), "", "", false],
  ["Basic  " + b64("Aladdin:open sesame"), "", "", false],
  ["Basic " + b64("josé:contraseña"), "josé", "contraseña", true],
  ["Basic " + b64("user:pw").replace("dXNl", "dXNl\r\n"), "user", "pw", true],
];

describe("basic auth (Go's parseBasicAuthTests)", () => {
  for (const [header, username, password, ok] of parseBasicAuthTests) {
    it(JSON.stringify(header), () => {
      const r = newRequest("GET", "http://example.com/");
      r.header.set("Authorization", header);
      expect(r.basicAuth()).toEqual([username, password, ok]);
    });
  }

  it("setBasicAuth then basicAuth round-trips (TestSetBasicAuth)", () => {
    const r = newRequest("GET", "http://example.com/");
    r.setBasicAuth("Aladdin", "open sesame");
    expect(r.header.get("Authorization")).toBe("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==");
    expect(r.basicAuth()).toEqual(["Aladdin", "open sesame", true]);
  });
});

describe("Body.close", () => {
  it("reads after close throw ErrBodyReadAfterClose; close twice is fine", async () => {
    const r = newRequest("POST", "/", "data");
    expect(await r.text()).toBe("data");
    expect(await r.text()).toBe("data"); // a deliberate difference: re-readable until closed
    expect(r.body.close()).toBeNull();
    expect(r.body.close()).toBeNull();
    await expect(r.body.text()).rejects.toBe(ErrBodyReadAfterClose);
    expect(ErrBodyReadAfterClose.message).toBe("http: invalid Read on closed Body");
  });

  it("closing NoBody does not close it for everyone", async () => {
    NoBody.close();
    expect(await NoBody.text()).toBe("");
  });
});

describe("Body.json", () => {
  it("parses JSON and throws Go's SyntaxError on bad input", async () => {
    expect(await newRequest("POST", "/", `{"a":[1,"x"]}`).json()).toEqual({ a: [1, "x"] });
    await expect(newRequest("POST", "/", `{"a":}`).json()).rejects.toMatchObject({
      name: "SyntaxError",
      message: "invalid character '}' looking for beginning of value",
      offset: 6,
    });
  });
});
