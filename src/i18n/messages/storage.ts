// What the progress store tells the learner about browser storage
// (src/lib/progress-store.ts returns these as keys and values; storage-notice.ts
// says them). The reasons (storageFull, ...) fill the {reason} of another
// table's sentence ("… could not be recorded: {reason}."); the others are
// whole sentences, said one after another above the editor.

import { defineMessages } from "./define";

export default defineMessages(
  {
    storageFull: "browser storage is full",
    storageUnavailable: "browser storage is unavailable",
    progressNewer: "your progress was saved by a newer version of this site, which this page will not overwrite",
    progressNotBackedUp: "the current progress could not be backed up (browser storage is full)",
    codeNotBackedUp: "saved code for {lesson} could not be backed up (browser storage is full)",
    codeBlocked: "Your saved code could not be read (browser storage is blocked); your edits here will not be saved.",
    filesUnreadable: "Some saved files could not be read ({files}).",
    codeNewer: "Your saved code was written by a newer version of this site.",
    codeUnknownFormat: "Your saved code is in a format this site cannot read.",
    keptUnder: 'It is kept in this browser under "{key}".',
    othersRestored: "The other files are restored.",
    startingFresh: "You are starting from the starter files.",
    notBackedUp:
      "It could not be backed up (browser storage is full), so it is left as it is and your edits here will not be saved.",
  },
  {
    storageFull: "浏览器存储已满",
    storageUnavailable: "浏览器存储不可用",
    progressNewer: "你的进度是由本站的更新版本保存的，本页面不会覆盖它",
    progressNotBackedUp: "无法备份当前进度（浏览器存储已满）",
    codeNotBackedUp: "无法备份 {lesson} 保存的代码（浏览器存储已满）",
    codeBlocked: "无法读取你保存的代码（浏览器存储被阻止了）；你在这里的修改不会被保存。",
    filesUnreadable: "有些保存的文件无法读取（{files}）。",
    codeNewer: "你保存的代码是由本站的更新版本写入的。",
    codeUnknownFormat: "你保存的代码格式无法识别。",
    keptUnder: "它已保留在这个浏览器的 “{key}” 下。",
    othersRestored: "其他文件已恢复。",
    startingFresh: "你将从初始代码重新开始。",
    notBackedUp: "它无法备份（浏览器存储已满），所以原样保留，你在这里的修改不会被保存。",
  },
);
