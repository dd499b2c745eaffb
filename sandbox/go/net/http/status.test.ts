// Every Status* constant has Go's status text (Go's status.go), and the
// Method* constants are the method names.

import { describe, expect, it } from "vitest";
import * as http from "./index";

// Go's StatusText table, code -> text, as in net/http/status.go.
const goStatusText: Record<number, string> = {
  100: "Continue",
  101: "Switching Protocols",
  102: "Processing",
  103: "Early Hints",
  200: "OK",
  201: "Created",
  202: "Accepted",
  203: "Non-Authoritative Information",
  204: "No Content",
  205: "Reset Content",
  206: "Partial Content",
  207: "Multi-Status",
  208: "Already Reported",
  226: "IM Used",
  300: "Multiple Choices",
  301: "Moved Permanently",
  302: "Found",
  303: "See Other",
  304: "Not Modified",
  305: "Use Proxy",
  307: "Temporary Redirect",
  308: "Permanent Redirect",
  400: "Bad Request",
  401: "Unauthorized",
  402: "Payment Required",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  406: "Not Acceptable",
  407: "Proxy Authentication Required",
  408: "Request Timeout",
  409: "Conflict",
  410: "Gone",
  411: "Length Required",
  412: "Precondition Failed",
  413: "Request Entity Too Large",
  414: "Request URI Too Long",
  415: "Unsupported Media Type",
  416: "Requested Range Not Satisfiable",
  417: "Expectation Failed",
  418: "I'm a teapot",
  421: "Misdirected Request",
  422: "Unprocessable Entity",
  423: "Locked",
  424: "Failed Dependency",
  425: "Too Early",
  426: "Upgrade Required",
  428: "Precondition Required",
  429: "Too Many Requests",
  431: "Request Header Fields Too Large",
  451: "Unavailable For Legal Reasons",
  500: "Internal Server Error",
  501: "Not Implemented",
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Timeout",
  505: "HTTP Version Not Supported",
  506: "Variant Also Negotiates",
  507: "Insufficient Storage",
  508: "Loop Detected",
  510: "Not Extended",
  511: "Network Authentication Required",
};

describe("Status* and Method* constants", () => {
  const statuses = Object.entries(http).filter(([k]) => k.startsWith("Status")) as [string, number][];

  it("there is one Status constant per code Go names", () => {
    expect(statuses.map(([, v]) => v).sort()).toEqual(Object.keys(goStatusText).map(Number).sort());
  });

  for (const [name, code] of statuses) {
    it(`${name} = ${code} "${goStatusText[code]}"`, () => {
      expect(http.statusText(code)).toBe(goStatusText[code]);
      expect(name.toLowerCase()).toContain(
        { 203: "nonauthoritativeinfo", 407: "proxyauthrequired", 418: "teapot" }[code] ??
          goStatusText[code]!.toLowerCase()
            .replace(/[^a-z]/g, "")
            .replace("httpversion", "httpversion"),
      );
    });
  }

  it("statusText is empty for unknown codes", () => {
    for (const c of [0, 99, 306, 419, 600, 799]) expect(http.statusText(c)).toBe("");
  });

  it("methods", () => {
    expect([
      http.MethodGet,
      http.MethodHead,
      http.MethodPost,
      http.MethodPut,
      http.MethodPatch,
      http.MethodDelete,
      http.MethodConnect,
      http.MethodOptions,
      http.MethodTrace,
    ]).toEqual(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "CONNECT", "OPTIONS", "TRACE"]);
  });
});
