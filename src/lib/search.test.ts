import { describe, expect, it } from "vitest";
import { rehypeBaseLinks } from "./rehype-base-links";
import { translator } from "../i18n/messages/define";
import messages from "../i18n/messages/search";
import { foundText, isSearchKey, sectionsOf, type PagefindPage } from "./search";

type Mods = { ctrlKey?: boolean; metaKey?: boolean; altKey?: boolean };

const key = (key: string, mods: Mods = {}) => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...mods,
});

describe("isSearchKey", () => {
  const cases: [string, Mods, boolean][] = [
    ["/", {}, true],
    ["k", { ctrlKey: true }, true],
    ["K", { ctrlKey: true }, true],
    ["k", { metaKey: true }, true],
    ["k", {}, false],
    ["/", { ctrlKey: true }, false],
    ["k", { ctrlKey: true, metaKey: true }, false],
    ["k", { ctrlKey: true, altKey: true }, false],
    ["?", {}, false],
  ];
  for (const [k, mods, want] of cases) {
    it(`${k} ${JSON.stringify(mods)} -> ${want}`, () => {
      expect(isSearchKey(key(k, mods))).toBe(want);
    });
  }
});

describe("sectionsOf", () => {
  it("keeps sections with an anchor, not the page itself, at most three", () => {
    const page: PagefindPage = {
      url: "/a/b/",
      excerpt: "",
      meta: { title: "B" },
      sub_results: [
        { title: "B", url: "/a/b/", excerpt: "" },
        ...["one", "two", "three", "four"].map((id) => ({
          title: id,
          url: `/a/b/#${id}`,
          excerpt: "",
          anchor: { id },
        })),
      ],
    };
    expect(sectionsOf(page).map((s) => s.title)).toEqual(["one", "two", "three"]);
  });
});

describe("rehypeBaseLinks", () => {
  type El = { type: string; tagName?: string; properties?: Record<string, unknown>; children?: El[] };
  const el = (tagName: string, properties: Record<string, unknown>): El => ({ type: "element", tagName, properties });
  const tree = (): El => ({
    type: "root",
    children: [
      el("a", { href: "/03-http/01-products-api/" }),
      el("a", { href: "/course/x/" }),
      el("a", { href: "//example.com/x" }),
      el("a", { href: "#section" }),
      el("a", { href: "https://go.dev/" }),
      { type: "element", tagName: "p", children: [el("img", { src: "/diagram.svg" })] },
    ],
  });
  const hrefs = (t: El): unknown[] =>
    (t.children ?? []).flatMap((c) => [c.properties?.href ?? c.properties?.src, ...hrefs(c)]).filter(Boolean);

  it("prefixes root-relative links and images with the base, once", () => {
    const t = tree();
    rehypeBaseLinks("/course/")()(t);
    expect(hrefs(t)).toEqual([
      "/course/03-http/01-products-api/",
      "/course/x/",
      "//example.com/x",
      "#section",
      "https://go.dev/",
      "/course/diagram.svg",
    ]);
  });

  it("changes nothing at the root", () => {
    const t = tree();
    rehypeBaseLinks("/")()(t);
    expect(hrefs(t)).toEqual(hrefs(tree()));
  });
});

describe("foundText", () => {
  const en = translator(messages, "en");
  const zh = translator(messages, "zh-cn");
  it("counts the lessons found, in the page's language", () => {
    expect(foundText(en, "chan", 0)).toBe("No lesson mentions “chan”.");
    expect(foundText(en, "chan", 1)).toBe("1 lesson found.");
    expect(foundText(en, "chan", 3)).toBe("3 lessons found.");
    expect(foundText(en, "chan", 20)).toBe("20 lessons found, the first 8 shown.");
    expect(foundText(zh, "死锁", 0)).toBe("没有课程提到“死锁”。");
    expect(foundText(zh, "死锁", 20)).toBe("找到 20 课，显示前 8 课。");
  });
});
