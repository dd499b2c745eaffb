import { describe, expect, it } from "vitest";
import { placeholders } from "../../../sandbox/message-format";
import { TABLES } from "./index";

const CJK = /[\u3400-\u9fff]/;

for (const [area, table] of Object.entries(TABLES)) {
  describe(`messages/${area}`, () => {
    it("has the same keys in every language", () => {
      expect(Object.keys(table["zh-cn"]).sort(), `${area}: keys only one language has`).toEqual(
        Object.keys(table.en).sort(),
      );
    });
    it("keeps every {placeholder} in the translation", () => {
      const wrong = Object.keys(table.en).filter(
        (key) => placeholders(table.en[key]!).join() !== placeholders(table["zh-cn"][key] ?? "").join(),
      );
      expect(wrong, `${area}: messages whose Chinese uses other {placeholders}`).toEqual([]);
    });
    it("translates every message with words into Chinese", () => {
      const untranslated = Object.keys(table.en).filter(
        (key) => /[A-Za-z]{2,}\s+[A-Za-z]{2,}/.test(table.en[key]!) && !CJK.test(table["zh-cn"][key] ?? ""),
      );
      expect(untranslated, `${area}: messages left in English in zh-cn`).toEqual([]);
    });
  });
}
