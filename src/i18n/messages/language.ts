// The language switch and the suggestion to read the course in the browser's language.

import { defineMessages } from "./define";

export default defineMessages(
  {
    switchLabel: "Language",
    readIn: "Read this page in {language}",
    suggestChinese: "本课程有简体中文版。",
    suggestLink: "阅读本页的中文版",
    dismiss: "Dismiss",
  },
  {
    switchLabel: "语言",
    readIn: "用{language}阅读本页",
    suggestChinese: "本课程有简体中文版。",
    suggestLink: "阅读本页的中文版",
    dismiss: "关闭",
  },
);
