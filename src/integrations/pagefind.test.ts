import { describe, expect, it } from "vitest";
import { bytesPerLanguage } from "./pagefind";

describe("bytesPerLanguage", () => {
  it("adds up each language's own index files and wasm, not shared files or compressed copies", () => {
    const entry = {
      languages: { en: { hash: "en_5a7d", wasm: "en" }, "zh-cn": { hash: "zh-cn_4a4e", wasm: null } },
    };
    const sizes = {
      "pagefind.en_5a7d.pf_meta": 10,
      "en_1638691.pf_index": 100,
      "en_abc.pf_fragment": 1000,
      "wasm.en.pagefind": 5000,
      "pagefind.zh-cn_4a4e.pf_meta": 20,
      "zh-cn_77.pf_index": 200,
      "zh-cn_88.pf_fragment": 2000,
      "wasm.unknown.pagefind": 6000,
      "pagefind.js": 90000,
      "pagefind.js.br": 9000,
      "en_abc.pf_fragment.br": 1,
      "pagefind-entry.json": 300,
    };
    expect(bytesPerLanguage(entry, sizes)).toEqual({ en: 6110, "zh-cn": 8220 });
  });
});
