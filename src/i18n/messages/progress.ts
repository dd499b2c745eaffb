// Completion marks in the outline and on the home page
// (src/lib/completion-marks.ts), and the "continue" link (continue-link.ts).

import { defineMessages } from "./define";

export default defineMessages(
  {
    solved: "✓ solved",
    solvedLabel: "Completed: solved",
    viewed: "◇ solution viewed",
    viewedLabel: "Completed with the solution viewed",
    quizDone: "✓ quiz",
    quizScore: "quiz {correct}/{total}",
    quizLabel: "Quiz: {correct} of {total} correct",
    moduleSolved: "{solved} of {total} exercises solved",
    moduleViewed: ", {viewed} passed with the solution viewed",
    moduleQuizzes: "; {passed} of {quizzes} quizzes all correct",
    continue: "Continue where you left off:",
  },
  {
    solved: "✓ 已完成",
    solvedLabel: "已完成：自己解出",
    viewed: "◇ 看过答案",
    viewedLabel: "已完成，但看过参考答案",
    quizDone: "✓ 测验",
    quizScore: "测验 {correct}/{total}",
    quizLabel: "测验：{total} 题答对 {correct} 题",
    moduleSolved: "{total} 个练习已完成 {solved} 个",
    moduleViewed: "，其中 {viewed} 个看过答案",
    moduleQuizzes: "；{quizzes} 个测验中 {passed} 个全对",
    continue: "从上次离开的地方继续：",
  },
);
