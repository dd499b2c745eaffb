// A lesson's quiz (src/components/quiz/Quiz.astro) and its grading in the
// page (src/lib/quiz-mount.ts).

import { defineMessages } from "./define";

export default defineMessages(
  {
    heading: "Quiz",
    intro: "{n} questions to check your understanding.",
    check: "Check answer",
    showAnswer: "Show the answer",
    correctChoice: "Correct:",
    wrongChoice: "Not this one:",
    right: "Correct.",
    wrong: "Not quite. Read why, then try again.",
    chooseFirst: "Choose an answer first.",
    notSaved: " (Not saved: {reason}.)",
    score: "{correct} of {total} correct.",
  },
  {
    heading: "测验",
    intro: "{n} 道题，检验你的理解。",
    check: "检查答案",
    showAnswer: "显示答案",
    correctChoice: "正确：",
    wrongChoice: "不是这个：",
    right: "正确。",
    wrong: "不太对。先看看原因，再试一次。",
    chooseFirst: "请先选择一个答案。",
    notSaved: "（未保存：{reason}。）",
    score: "{total} 题答对 {correct} 题。",
  },
);
