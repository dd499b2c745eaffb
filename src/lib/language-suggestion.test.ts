import { describe, expect, it } from "vitest";
import { localeOfLang } from "../i18n/page-locale";
import { DISMISSED_KEY, offerChinese, prefersChinese } from "./language-suggestion";

describe("prefersChinese", () => {
  const cases: [string[], boolean][] = [
    [["zh-CN", "en"], true],
    [["zh"], true],
    [["zh-Hans-CN"], true],
    [["zh-TW"], true],
    [["en-US", "zh-CN"], false],
    [["zu"], false],
    [["zha"], false],
    [[], false],
  ];
  for (const [languages, want] of cases) {
    it(`${JSON.stringify(languages)} -> ${want}`, () => expect(prefersChinese(languages)).toBe(want));
  }
});

describe("localeOfLang", () => {
  it("maps a page's lang attribute to its locale, English otherwise", () => {
    expect(localeOfLang("zh-CN")).toBe("zh-cn");
    expect(localeOfLang("zh-cn")).toBe("zh-cn");
    expect(localeOfLang("en")).toBe("en");
    expect(localeOfLang("fr")).toBe("en");
    expect(localeOfLang(null)).toBe("en");
  });
});

/** A banner with a Dismiss button, as LanguageSuggestion.astro renders it. */
function page() {
  const listeners: (() => void)[] = [];
  const button = { addEventListener: (_: string, f: () => void) => listeners.push(f) };
  const banner = { hidden: true, querySelector: () => button };
  const doc = { querySelector: () => banner } as unknown as Document;
  return { doc, banner, dismiss: () => listeners.forEach((f) => f()) };
}

function storage(items: Record<string, string> = {}, opts: { throws?: boolean } = {}) {
  return {
    getItem: (k: string) => {
      if (opts.throws) throw new Error("SecurityError");
      return items[k] ?? null;
    },
    setItem: (k: string, v: string) => {
      if (opts.throws) throw new Error("QuotaExceededError");
      items[k] = v;
    },
    items,
  };
}

describe("offerChinese", () => {
  it("shows the suggestion to a Chinese browser and remembers its dismissal", () => {
    const store = storage();
    const p = page();
    offerChinese(p.doc, ["zh-CN"], { localStorage: store as unknown as Storage });
    expect(p.banner.hidden).toBe(false);
    p.dismiss();
    expect(p.banner.hidden).toBe(true);
    expect(store.items[DISMISSED_KEY]).toBe("1");
    const again = page();
    offerChinese(again.doc, ["zh-CN"], { localStorage: store as unknown as Storage });
    expect(again.banner.hidden, "dismissed for good").toBe(true);
  });

  it("stays hidden for other browsers", () => {
    const p = page();
    offerChinese(p.doc, ["en-GB", "zh-CN"], { localStorage: storage() as unknown as Storage });
    expect(p.banner.hidden).toBe(true);
  });

  it("still works, for the page, where storage throws", () => {
    const p = page();
    offerChinese(p.doc, ["zh"], { localStorage: storage({}, { throws: true }) as unknown as Storage });
    expect(p.banner.hidden).toBe(false);
    expect(() => p.dismiss()).not.toThrow();
    expect(p.banner.hidden).toBe(true);
    const blocked = page();
    const win = Object.defineProperty({}, "localStorage", {
      get() {
        throw new Error("SecurityError");
      },
    }) as Pick<Window, "localStorage">;
    offerChinese(blocked.doc, ["zh"], win);
    expect(blocked.banner.hidden).toBe(false);
  });
});
