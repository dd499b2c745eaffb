// What the sandbox and the host tell the learner (sandbox/platform-text.ts
// holds the codes and the English); Go's own text arrives as a parameter
// ({panic}, {message}) and is never translated.

import { PLATFORM_MESSAGES } from "../../../sandbox/platform-text";
import { defineMessages } from "./define";

export default defineMessages(PLATFORM_MESSAGES, {
  lessonTestSkipped: "这个课程测试被跳过了。课程测试必须运行并通过。",
  lessonTestNotRun: "这个课程测试没有运行。",
  lessonTestNotPassed: "这个课程测试没有通过。",
  unhandledError: "未处理的错误：{message}",
  unhandledThrownValue: "未处理的错误：抛出了 {value}",
  unhandledThrownKind: "未处理的错误：抛出了 {kind}：{value}",
  harnessFailed: "测试框架出错了：{error}",
  resultUnsendable: "测试框架无法发送结果：{error}",
  bundleLoadFailed: "加载编译后的代码失败：{error}",
  resultWrongShape: "沙箱发来的结果格式不对。",
  resultUnreadable: "沙箱发来的结果无法读取：{error}",
  sandboxNotStarted: "沙箱无法启动，请刷新页面。",
  sandboxNoPrelude: "沙箱没有准备好（缺少 prelude），请刷新页面。",
  sandboxWorkerFailed: "沙箱 worker 出错了：{error}",
  resultTooLarge: "结果太大，无法显示（JSON 共 {size} MB）；少打印一些，或者减少打印次数。",
  explorerTooLarge: "响应太大，无法显示。",
  outOfMemory:
    "你的代码耗尽了内存，沙箱崩溃了（是不是有数组、字符串或 map 在无限增长？）。沙箱已经重启，下次运行会从头开始。",
  outOfMemoryIn:
    "你的代码在运行“{test}”时耗尽了内存，沙箱崩溃了（是不是有数组、字符串或 map 在无限增长？）。沙箱已经重启，下次运行会从头开始。",
  explorerNoHandler: "没有 handler：练习的 handler 导出不存在，或者既不是 Handler（带 serveHTTP 方法的对象）也不是函数",
  explorerBadRequest: "请求无效：{error}",
  explorerPanic:
    "{panic}\nhandler 发生了 panic，所以服务器没有返回任何响应就关闭了连接（Go 的 net/http 也是这样做的）。在中间件里 recover，改为返回 500。",
  explorerError: "出错了：{error}",
  explorerLoadFailed: "加载 handler 失败：{error}",
  explorerNoResponse: "handler 没有返回响应。",
  explorerStopped: "沙箱已停止，请重新运行你的代码。",
  explorerNotRun: "请先运行你的代码：API 调试器调用的是你最近一次成功运行时的 handler。",
  explorerTimeout: "handler 在 {ms} ms 内没有响应，已被停止（是不是死循环了？）。重新运行即可重启它。",
  learnerOnly: "{name} 只能用在你自己的测试里，不能用在课程测试里",
  unreachable: "期望这里不会被执行到",
  unreachableWith: "期望 “{message}” 不会被执行到",
  thrownValue: "抛出了 {value}",
  thrownKind: "抛出了 {kind}：{value}",
  unknownError: "未知错误",
  moreCharacters: "…（还有 {n} 个字符）",
  compilerFailed: "编译器启动失败：{error}",
});
