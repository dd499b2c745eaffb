import { describe, expect, it } from "vitest";
import { courseFacts } from "./course-facts";

const lesson = (minutes: number, title = "L") => ({ minutes, title, href: `/${title}/` }) as never;

describe("courseFacts", () => {
  it("counts lessons and modules and sums minutes", () => {
    const f = courseFacts([{ lessons: [lesson(30, "a"), lesson(45)] }, { lessons: [] }, { lessons: [lesson(40)] }]);
    expect(f).toMatchObject({ lessons: 3, modules: 2, minutes: 115, duration: "115 minutes" });
    expect(f.first).toEqual({ title: "a", href: "/a/" });
  });

  it("speaks in half hours from two hours up", () => {
    expect(courseFacts([{ lessons: [lesson(60), lesson(60), lesson(20)] }]).duration).toBe("2.5 hours");
    expect(courseFacts([{ lessons: [lesson(400)] }]).duration).toBe("6.5 hours");
  });

  it("says the duration in the page's language", () => {
    expect(courseFacts([{ lessons: [lesson(95)] }], "zh-cn").duration).toBe("95 分钟");
    expect(courseFacts([{ lessons: [lesson(400)] }], "zh-cn").duration).toBe("6.5 小时");
  });

  it("has no first lesson in an empty course", () => {
    expect(courseFacts([]).first).toBeUndefined();
  });
});
