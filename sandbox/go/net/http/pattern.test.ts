import { describe, expect, it } from "vitest";

const fmt = (f: string, ...a: unknown[]) => {
  let i = 0;
  return f.replace(/%[sj]/g, () => JSON.stringify(a[i++]));
};
import { cleanPath, stripHostPort } from "./path";
import { compare, conflictsWith, describeConflict, matchPath, parsePattern, splitPath } from "./pattern";

describe("parsePattern", () => {
  for (const [str, method, host, segments] of [
    ["/", "", "", [{ s: "", wild: true, multi: true }]],
    [
      "GET /a/{x}",
      "GET",
      "",
      [
        { s: "a", wild: false, multi: false },
        { s: "x", wild: true, multi: false },
      ],
    ],
    [
      "example.com/b/",
      "",
      "example.com",
      [
        { s: "b", wild: false, multi: false },
        { s: "", wild: true, multi: true },
      ],
    ],
    ["POST  h/{rest...}", "POST", "h", [{ s: "rest", wild: true, multi: true }]],
    [
      "/a/{$}",
      "",
      "",
      [
        { s: "a", wild: false, multi: false },
        { s: "/", wild: false, multi: false },
      ],
    ],
    ["/a%20b", "", "", [{ s: "a b", wild: false, multi: false }]],
  ] as [string, string, string, object[]][])
    it(fmt("%s", str, method, host, segments), () => {
      expect(parsePattern(str)).toEqual({ str, method, host, segments });
    });

  for (const [str, msg] of [
    ["", "empty pattern"],
    ["a", "at offset 0: host/path missing /"],
    ["GET a", "at offset 4: host/path missing /"],
    ["{x}/a", "at offset 0: host contains '{' (missing initial '/'?)"],
    ["/{x...}/a", "at offset 1: {...} wildcard not at end"],
    ["/{$}/a", "at offset 1: {$} not at end"],
    ["/a{x}", "at offset 1: bad wildcard segment (must start with '{')"],
    ["/{x", "at offset 1: bad wildcard segment (must end with '}')"],
    ["/{}", "at offset 1: empty wildcard"],
    ["/{1x}", 'at offset 1: bad wildcard name "1x"'],
    ["/{x}/{x}", 'at offset 5: duplicate wildcard name "x"'],
    ["G@T /", 'at offset 0: invalid method "G@T"'],
    ["GET /a/../b", "at offset 4: non-CONNECT pattern with unclean path can never match"],
  ] as [string, string][])
    it(fmt("rejects %j", str, msg), () => {
      expect(() => parsePattern(str)).toThrow(msg);
    });
});

describe("matchPath", () => {
  for (const [pat, path, want] of [
    ["/", "/", []],
    ["/", "/a/b", []],
    ["/{$}", "/", []],
    ["/{$}", "/a", null],
    ["/a/{x}", "/a/b", ["b"]],
    ["/a/{x}", "/a/", null],
    ["/a/{x}", "/a/b/c", null],
    ["/a/{x...}", "/a/", [""]],
    ["/a/{x...}", "/a/b/c", ["b/c"]],
    ["/a/{x...}", "/a", null],
    ["/a/", "/a", null],
    ["/a/", "/a/", []],
    ["/f/{name}", "/f/a%2Fb", ["a/b"]],
    ["/f/{name}", "/f/hello%20world", ["hello world"]],
    ["/f/{p...}", "/f/x%2Fy/z", ["x/y/z"]],
    ["/a/{x}/{$}", "/a/b/", ["b"]],
  ] as [string, string, string[] | null][])
    it(fmt("%s on %s", pat, path, want), () => {
      expect(matchPath(parsePattern(pat), splitPath(path))).toEqual(want);
    });
});

describe("precedence and conflicts", () => {
  for (const [a, b, rel] of [
    ["/a", "/a", "equivalent"],
    ["/a/b", "/a/{x}", "moreSpecific"],
    ["/a/{x}", "/a/", "moreSpecific"],
    ["/a/{$}", "/a/", "moreSpecific"],
    ["/a/{x...}", "/a/", "equivalent"],
    ["GET /a", "/a", "moreSpecific"],
    ["HEAD /a", "GET /a", "moreSpecific"],
    ["GET /a", "POST /a", "disjoint"],
    ["/a/{x}", "/{y}/b", "overlaps"],
    ["GET /{x}", "/a", "overlaps"],
    ["/a/{x}", "/b/{x}", "disjoint"],
    ["/{x}", "/{$}", "disjoint"],
  ] as [string, string, string][])
    it(fmt("%s vs %s: %s", a, b, rel), () => {
      expect(compare(parsePattern(a), parsePattern(b))).toBe(rel);
    });

  it("hosts never conflict with host-less patterns", () => {
    expect(conflictsWith(parsePattern("example.com/a"), parsePattern("/a"))).toBe(false);
    expect(conflictsWith(parsePattern("/a"), parsePattern("/a"))).toBe(true);
  });

  it("describes an overlap like Go", () => {
    expect(describeConflict(parsePattern("/a/{x}"), parsePattern("/{y}/b"))).toBe(
      [
        '/a/{x} and /{y}/b both match some paths, like "/a/b".',
        "But neither is more specific than the other.",
        '/a/{x} matches "/a/x", but /{y}/b doesn\'t.',
        '/{y}/b matches "/y/b", but /a/{x} doesn\'t.',
      ].join("\n"),
    );
    expect(describeConflict(parsePattern("GET /{x}"), parsePattern("/a"))).toBe(
      "GET /{x} matches fewer methods than /a, but has a more general path pattern",
    );
  });
});

describe("path helpers", () => {
  for (const [p, want] of [
    ["", "/"],
    ["a", "/a"],
    ["//a//b", "/a/b"],
    ["/a/./b/", "/a/b/"],
    ["/a/../b", "/b"],
    ["/../a", "/a"],
    ["/a/b/..", "/a"],
    ["/a/b/../", "/a/"],
  ] as [string, string][])
    it(fmt("cleanPath(%j) = %j", p, want), () => {
      expect(cleanPath(p)).toBe(want);
    });
  it("stripHostPort", () => {
    expect(stripHostPort("example.com:8080")).toBe("example.com");
    expect(stripHostPort("[::1]:80")).toBe("::1");
    expect(stripHostPort("example.com")).toBe("example.com");
  });
});
