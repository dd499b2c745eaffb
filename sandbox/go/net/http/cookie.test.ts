// Ported from Go's net/http cookie_test.go.

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { CookieInit } from "./cookie";
import {
  Cookie,
  ErrNoCookie,
  SameSiteDefaultMode,
  SameSiteLaxMode,
  SameSiteNoneMode,
  SameSiteStrictMode,
  readCookies,
  readSetCookies,
  sanitizeCookiePath,
  sanitizeCookieValue,
  setCookie,
} from "./cookie";
import { Header } from "./header";
import { newRecorder, newRequest } from "./httptest";
import { Response } from "./response";
import { newRequest as newClientRequest } from "./client";

let warnings: string[];
const warn = console.warn;
beforeEach(() => {
  warnings = [];
  console.warn = (m: string) => void warnings.push(m);
});
afterEach(() => {
  console.warn = warn;
});

const c = (init: CookieInit) => new Cookie(init);

const writeSetCookiesTests: [Cookie, string][] = [
  [c({ name: "cookie-1", value: "v$1" }), "cookie-1=v$1"],
  [c({ name: "cookie-2", value: "two", maxAge: 3600 }), "cookie-2=two; Max-Age=3600"],
  [c({ name: "cookie-3", value: "three", domain: ".example.com" }), "cookie-3=three; Domain=example.com"],
  [c({ name: "cookie-4", value: "four", path: "/restricted/" }), "cookie-4=four; Path=/restricted/"],
  [c({ name: "cookie-5", value: "five", domain: "wrong;bad.abc" }), "cookie-5=five"],
  [c({ name: "cookie-6", value: "six", domain: "bad-.abc" }), "cookie-6=six"],
  [c({ name: "cookie-7", value: "seven", domain: "127.0.0.1" }), "cookie-7=seven; Domain=127.0.0.1"],
  [c({ name: "cookie-8", value: "eight", domain: "::1" }), "cookie-8=eight"],
  [
    c({ name: "cookie-9", value: "expiring", expires: new Date(1257894000 * 1000) }),
    "cookie-9=expiring; Expires=Tue, 10 Nov 2009 23:00:00 GMT",
  ],
  // According to IETF 6265 Section 5.1.1.5, the year cannot be less than 1601
  [
    c({ name: "cookie-10", value: "expiring-1601", expires: new Date(Date.UTC(1601, 0, 1, 1, 1, 1)) }),
    "cookie-10=expiring-1601; Expires=Mon, 01 Jan 1601 01:01:01 GMT",
  ],
  [
    c({ name: "cookie-11", value: "invalid-expiry", expires: new Date(Date.UTC(1600, 0, 1, 1, 1, 1)) }),
    "cookie-11=invalid-expiry",
  ],
  [c({ name: "cookie-12", value: "samesite-default", sameSite: SameSiteDefaultMode }), "cookie-12=samesite-default"],
  [c({ name: "cookie-13", value: "samesite-lax", sameSite: SameSiteLaxMode }), "cookie-13=samesite-lax; SameSite=Lax"],
  [
    c({ name: "cookie-14", value: "samesite-strict", sameSite: SameSiteStrictMode }),
    "cookie-14=samesite-strict; SameSite=Strict",
  ],
  [
    c({ name: "cookie-15", value: "samesite-none", sameSite: SameSiteNoneMode }),
    "cookie-15=samesite-none; SameSite=None",
  ],
  [
    c({ name: "cookie-16", value: "partitioned", secure: true, partitioned: true }),
    "cookie-16=partitioned; Secure; Partitioned",
  ],
  // The "special" cookies have values containing commas or spaces which
  // are disallowed by RFC 6265 but are common in the wild.
  [c({ name: "special-1", value: "a z" }), `special-1="a z"`],
  [c({ name: "special-2", value: " z" }), `special-2=" z"`],
  [c({ name: "special-3", value: "a " }), `special-3="a "`],
  [c({ name: "special-4", value: " " }), `special-4=" "`],
  [c({ name: "special-5", value: "a,z" }), `special-5="a,z"`],
  [c({ name: "special-6", value: ",z" }), `special-6=",z"`],
  [c({ name: "special-7", value: "a," }), `special-7="a,"`],
  [c({ name: "special-8", value: "," }), `special-8=","`],
  [c({ name: "quoted", value: "q", quoted: true }), `quoted="q"`],
  [c({ name: "empty-value", value: "" }), `empty-value=`],
  [c({ name: "" }), ``],
  [c({ name: "\t" }), ``],
  [c({ name: "\r" }), ``],
  [c({ name: "a\nb", value: "v" }), ``],
  [c({ name: "a\rb", value: "v" }), ``],
  [
    c({ name: "all", value: "x", path: "/p", domain: "example.com", maxAge: -1, httpOnly: true, secure: true }),
    "all=x; Path=/p; Domain=example.com; Max-Age=0; HttpOnly; Secure",
  ],
];

describe("Cookie.string (Go's writeSetCookiesTests)", () => {
  writeSetCookiesTests.forEach(([cookie, raw], i) => {
    it(`#${i} ${JSON.stringify(raw)}`, () => {
      expect(cookie.string()).toBe(raw);
    });
  });
  it("logs when it drops a domain", () => {
    c({ name: "cookie-5", value: "five", domain: "wrong;bad.abc" }).string();
    expect(warnings.join("\n")).toContain("dropping domain attribute");
  });
});

describe("setCookie and addCookie", () => {
  it("setCookie adds Set-Cookie headers (TestSetCookie)", () => {
    const w = newRecorder();
    setCookie(w, c({ name: "cookie-1", value: "one", path: "/restricted/" }));
    setCookie(w, c({ name: "cookie-2", value: "two", maxAge: 3600 }));
    setCookie(w, c({ name: "bad name", value: "dropped" }));
    expect(w.header().values("Set-Cookie")).toEqual(["cookie-1=one; Path=/restricted/", "cookie-2=two; Max-Age=3600"]);
  });

  const addCookieTests: [Cookie[], string][] = [
    [[], ""],
    [[c({ name: "cookie-1", value: "v$1" })], "cookie-1=v$1"],
    [
      [
        c({ name: "cookie-1", value: "v$1" }),
        c({ name: "cookie-2", value: "v$2" }),
        c({ name: "cookie-3", value: "v$3" }),
      ],
      "cookie-1=v$1; cookie-2=v$2; cookie-3=v$3",
    ],
  ];
  addCookieTests.forEach(([cookies, raw], i) => {
    it(`addCookie #${i}`, () => {
      const req = newClientRequest("GET", "http://example.com/");
      for (const ck of cookies) req.addCookie(ck);
      expect(req.header.get("Cookie")).toBe(raw);
    });
  });
});

const plain = (ck: Cookie) => ({ ...ck });

const readSetCookiesTests: [string, CookieInit][] = [
  ["Cookie-1=v$1", { name: "Cookie-1", value: "v$1" }],
  [
    "NID=99=YsDT5i3E-CXax-; expires=Wed, 23-Nov-2011 01:05:03 GMT; path=/; domain=.google.ch; HttpOnly",
    {
      name: "NID",
      value: "99=YsDT5i3E-CXax-",
      path: "/",
      domain: ".google.ch",
      httpOnly: true,
      expires: new Date(Date.UTC(2011, 10, 23, 1, 5, 3)),
      rawExpires: "Wed, 23-Nov-2011 01:05:03 GMT",
    },
  ],
  [
    ".ASPXAUTH=7E3AA; expires=Wed, 07-Mar-2012 14:25:06 GMT; path=/; HttpOnly",
    {
      name: ".ASPXAUTH",
      value: "7E3AA",
      path: "/",
      expires: new Date(Date.UTC(2012, 2, 7, 14, 25, 6)),
      rawExpires: "Wed, 07-Mar-2012 14:25:06 GMT",
      httpOnly: true,
    },
  ],
  ["ASP.NET_SessionId=foo; path=/; HttpOnly", { name: "ASP.NET_SessionId", value: "foo", path: "/", httpOnly: true }],
  ["samesitedefault=foo; SameSite", { name: "samesitedefault", value: "foo", sameSite: SameSiteDefaultMode }],
  [
    "samesiteinvalidisdefault=foo; SameSite=invalid",
    { name: "samesiteinvalidisdefault", value: "foo", sameSite: SameSiteDefaultMode },
  ],
  ["samesitelax=foo; SameSite=Lax", { name: "samesitelax", value: "foo", sameSite: SameSiteLaxMode }],
  ["samesitestrict=foo; SameSite=Strict", { name: "samesitestrict", value: "foo", sameSite: SameSiteStrictMode }],
  ["samesitenone=foo; SameSite=None", { name: "samesitenone", value: "foo", sameSite: SameSiteNoneMode }],
  // Make sure we can properly read back the Set-Cookie headers we create
  // for values containing spaces or commas:
  [`special-1=a z`, { name: "special-1", value: "a z" }],
  [`special-2=" z"`, { name: "special-2", value: " z", quoted: true }],
  [`special-3="a "`, { name: "special-3", value: "a ", quoted: true }],
  [`special-4=" "`, { name: "special-4", value: " ", quoted: true }],
  [`special-5=a,z`, { name: "special-5", value: "a,z" }],
  [`special-6=",z"`, { name: "special-6", value: ",z", quoted: true }],
  [`special-7=a,`, { name: "special-7", value: "a," }],
  [`special-8=","`, { name: "special-8", value: ",", quoted: true }],
  // Names containing spaces are trimmed.
  [`special-9 =","`, { name: "special-9", value: ",", quoted: true }],
  ["unparsed=1; Foo=bar; Max-Age=07", { name: "unparsed", value: "1", unparsed: ["Foo=bar", "Max-Age=07"] }],
];

describe("readSetCookies (Go's readSetCookiesTests)", () => {
  for (const [line, want] of readSetCookiesTests) {
    it(line, () => {
      const h = new Header({ "Set-Cookie": line });
      for (let n = 0; n < 2; n++) {
        expect(readSetCookies(h).map(plain)).toEqual([plain(new Cookie({ ...want, raw: line }))]);
      }
    });
  }

  it("double quotes around Max-Age are not a number (TestSetCookieDoubleQuotes)", () => {
    const h = new Header();
    h.add("Set-Cookie", `quoted0=none; max-age=30`);
    h.add("Set-Cookie", `quoted1="cookieValue"; max-age=31`);
    h.add("Set-Cookie", `quoted2=cookieAV; max-age="32"`);
    h.add("Set-Cookie", `quoted3="both"; max-age="33"`);
    const got = new Response(200, h, "").cookies().map((k) => [k.name, k.value, k.maxAge]);
    expect(got).toEqual([
      ["quoted0", "none", 30],
      ["quoted1", "cookieValue", 31],
      ["quoted2", "cookieAV", 0],
      ["quoted3", "both", 0],
    ]);
  });
});

const readCookiesTests: [string[], string, [string, string][]][] = [
  [
    ["Cookie-1=v$1", "c2=v2"],
    "",
    [
      ["Cookie-1", "v$1"],
      ["c2", "v2"],
    ],
  ],
  [["Cookie-1=v$1", "c2=v2"], "c2", [["c2", "v2"]]],
  [
    ["Cookie-1=v$1; c2=v2"],
    "",
    [
      ["Cookie-1", "v$1"],
      ["c2", "v2"],
    ],
  ],
  [["Cookie-1=v$1; c2=v2"], "c2", [["c2", "v2"]]],
  [
    [`Cookie-1="v$1"; c2="v2"`],
    "",
    [
      ["Cookie-1", "v$1"],
      ["c2", "v2"],
    ],
  ],
  [
    [`Cookie-1="v$1"; c2=v2;`],
    "",
    [
      ["Cookie-1", "v$1"],
      ["c2", "v2"],
    ],
  ],
  [[``], "", []],
];

describe("readCookies (Go's readCookiesTests)", () => {
  readCookiesTests.forEach(([lines, filter, want], i) => {
    it(`#${i} ${JSON.stringify(lines)} filter ${JSON.stringify(filter)}`, () => {
      const h = new Header(lines.map((l) => ["Cookie", l] as const));
      expect(readCookies(h, filter).map((k) => [k.name, k.value])).toEqual(want);
    });
  });

  it("request.cookie, cookies, cookiesNamed and ErrNoCookie", () => {
    const r = newRequest("GET", "/");
    r.header.set("Cookie", `session=abc; theme="dark"; session=def; bad name=x`);
    const [s, err] = r.cookie("session");
    expect(err).toBeNull();
    expect(s?.value).toBe("abc");
    expect(r.cookie("theme")[0]).toMatchObject({ value: "dark", quoted: true });
    expect(r.cookie("missing")).toEqual([null, ErrNoCookie]);
    expect(r.cookie("")).toEqual([null, ErrNoCookie]);
    expect(ErrNoCookie.message).toBe("http: named cookie not present");
    expect(r.cookies().map((k) => k.name)).toEqual(["session", "theme", "session"]);
    expect(r.cookiesNamed("session").map((k) => k.value)).toEqual(["abc", "def"]);
  });
});

describe("sanitizing and validity", () => {
  const values: [string, string][] = [
    ["foo", "foo"],
    ["foo;bar", "foobar"],
    ["foo\\bar", "foobar"],
    ['foo"bar', "foobar"],
    ["\x00\x7e\x7f\x80", "\x7e"],
    [`"withquotes"`, "withquotes"],
    ["a z", `"a z"`],
    [" z", `" z"`],
    ["a ", `"a "`],
    ["a,z", `"a,z"`],
    [",z", `",z"`],
    ["a,", `"a,"`],
  ];
  for (const [input, want] of values) {
    it(`sanitizeCookieValue(${JSON.stringify(input)})`, () => expect(sanitizeCookieValue(input)).toBe(want));
  }
  const paths: [string, string][] = [
    ["/path", "/path"],
    ["/path with space/", "/path with space/"],
    ["/just;no;semicolon\x00orstuff/", "/justnosemicolonorstuff/"],
  ];
  for (const [input, want] of paths) {
    it(`sanitizeCookiePath(${JSON.stringify(input)})`, () => expect(sanitizeCookiePath(input)).toBe(want));
  }
  it("warns when it drops bytes", () => {
    sanitizeCookieValue("foo;bar");
    expect(warnings.join("\n")).toContain("dropping invalid bytes");
  });

  const validTests: [CookieInit, boolean][] = [
    [{ name: "" }, false],
    [{ name: "invalid-value", value: 'foo"bar' }, false],
    [{ name: "invalid-path", path: "/foo;bar/" }, false],
    [{ name: "invalid-domain", domain: "example.com:80" }, false],
    [{ name: "invalid-expiry", value: "", expires: new Date(Date.UTC(1600, 0, 1, 1, 1, 1)) }, false],
    [{ name: "valid-empty" }, true],
    [{ name: "valid-expires", value: "foo", path: "/bar", domain: "example.com", expires: new Date(0) }, true],
    [{ name: "valid-max-age", value: "foo", path: "/bar", domain: "example.com", maxAge: 60 }, true],
  ];
  for (const [init, valid] of validTests) {
    it(`${init.name || "(empty)"}.valid() ${valid ? "is null" : "is an error"}`, () => {
      expect(new Cookie(init).valid() === null).toBe(valid);
    });
  }
});
