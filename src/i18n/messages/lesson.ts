// A lesson page's chrome (src/components/pages/LessonPage.astro), the
// exercise placeholder and loader, "Reset this lesson" and the copy buttons
// on code blocks.

import { defineMessages } from "./define";

export default defineMessages(
  {
    aboutMinutes: "About {minutes} minutes",
    objectives: "Objectives",
    youWill: "You will",
    onThisPage: "On this page",
    exercise: "Exercise",
    quiz: "Quiz",
    pager: "Lesson",
    referenceBefore: "How to write a Go construct here: the",
    referenceName: "Go to TypeScript reference",
    referenceAfter: ".",
    starterCode: "Starter code: {file}",
    loadingEditor: "Loading the editor…",
    noScript:
      "The exercise needs JavaScript: the editor, the compiler and the tests all run in your browser. Turn JavaScript on for this site to solve it; the starter code is below.",
    loadFailed: "The editor failed to load: {error}. Reload the page to try again.",
    reset: "Reset this lesson",
    resetConfirm:
      "Reset this lesson? Your saved code, its completion and your quiz answers for this lesson will be deleted.",
    resetFailed: "The lesson could not be reset: {reason}.",
    copy: "Copy",
    copyLabel: "Copy code",
    copied: "Copied",
    copyFailed: "Copy failed",
  },
  {
    aboutMinutes: "约 {minutes} 分钟",
    objectives: "学习目标",
    youWill: "你将学会",
    onThisPage: "本页内容",
    exercise: "练习",
    quiz: "测验",
    pager: "课程导航",
    referenceBefore: "不知道某个 Go 写法在这里怎么写？查看",
    referenceName: "Go 到 TypeScript 对照参考",
    referenceAfter: "。",
    starterCode: "初始代码：{file}",
    loadingEditor: "正在加载编辑器…",
    noScript:
      "练习需要 JavaScript：编辑器、编译器和测试都在你的浏览器中运行。请为本站启用 JavaScript 后再做；下面是初始代码。",
    loadFailed: "编辑器加载失败：{error}。请重新加载页面再试。",
    reset: "重置本课",
    resetConfirm: "要重置本课吗？本课保存的代码、完成状态和测验答案都会被删除。",
    resetFailed: "无法重置本课：{reason}。",
    copy: "复制",
    copyLabel: "复制代码",
    copied: "已复制",
    copyFailed: "复制失败",
  },
);
