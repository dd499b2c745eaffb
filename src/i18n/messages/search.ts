// The search button and dialog (src/components/SearchDialog.astro) and the
// status lines src/lib/search.ts writes.

import { defineMessages } from "./define";

export default defineMessages(
  {
    button: "Search",
    label: "Search the lessons",
    results: "Results",
    close: "Close",
    unavailable: "Search is not available: the index is built by `npm run build`.",
    none: "No lesson mentions “{term}”.",
    one: "1 lesson found.",
    many: "{n} lessons found.",
    manyShown: "{n} lessons found, the first {shown} shown.",
  },
  {
    button: "搜索",
    label: "搜索课程",
    results: "搜索结果",
    close: "关闭",
    unavailable: "搜索不可用：索引由 `npm run build` 生成。",
    none: "没有课程提到“{term}”。",
    one: "找到 1 课。",
    many: "找到 {n} 课。",
    manyShown: "找到 {n} 课，显示前 {shown} 课。",
  },
);
