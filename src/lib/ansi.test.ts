import { describe, expect, it } from "vitest";
import { parseAnsi, stripAnsi } from "./ansi";

const ESC = "\u001b";

describe("parseAnsi", () => {
  it("leaves plain text as one segment", () => {
    expect(parseAnsi("hello")).toEqual([{ text: "hello" }]);
  });

  it("turns SGR colour and weight codes into styles", () => {
    expect(parseAnsi(`${ESC}[31mred${ESC}[0m plain ${ESC}[1;92mbold green${ESC}[22m green`)).toEqual([
      { text: "red", fg: 1 },
      { text: " plain " },
      { text: "bold green", fg: 10, bold: true },
      { text: " green", fg: 10 },
    ]);
  });

  it("resets with an empty SGR and maps the first 16 of 256 colours", () => {
    expect(parseAnsi(`${ESC}[38;5;4mblue${ESC}[m${ESC}[38;5;200mpink${ESC}[38;2;1;2;3mrgb`)).toEqual([
      { text: "blue", fg: 4 },
      { text: "pinkrgb" },
    ]);
  });

  it("drops cursor movement, erase, OSC titles and lone escapes", () => {
    expect(parseAnsi(`a${ESC}[2Kb${ESC}[1Ac${ESC}]0;title\u0007d${ESC}e`)).toEqual([{ text: "abcde" }]);
  });
});

describe("stripAnsi", () => {
  it("removes every escape sequence", () => {
    expect(stripAnsi(`${ESC}[31mred${ESC}[0m ${ESC}[?25l`)).toBe("red ");
  });
});
