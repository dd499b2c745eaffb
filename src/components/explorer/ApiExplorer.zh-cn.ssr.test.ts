// The API explorer in Chinese: its labels, the platform's messages by code
// (Go's panic line kept as Go prints it), HTTP's own words (methods, reason
// phrases, header names) as the protocol spells them.
import { createElement, type ReactNode } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { platformText } from "../../../sandbox/platform-text";
import type { ExplorerRequest, ExplorerResponse } from "../../../sandbox/protocol";
import { LanguageProvider } from "../exercise/language";
import { ApiExplorer } from "./ApiExplorer";
import { ResponseView, type Result } from "./ResponseView";

/** The page's HTML without React's text separators. */
const zh = (children: ReactNode) =>
  renderToString(createElement(LanguageProvider, { locale: "zh-cn", children })).replace(/<!-- -->/g, "");
const failure = (text: ReturnType<typeof platformText>) => ({ error: text.message, platform: text.platform });
const req: ExplorerRequest = { method: "GET", path: "/products/42", headers: [], body: "" };
const answer = (res: Partial<ExplorerResponse>): Result => ({
  kind: "response",
  req,
  res: { status: 0, statusText: "", headers: [], body: "", wallMs: 2, ...res },
});

describe("ApiExplorer in Chinese (SSR)", () => {
  it("labels the form in Chinese, aria-labels included", () => {
    const html = zh(
      createElement(ApiExplorer, {
        send: async () => ({ status: 200, statusText: "OK", headers: [], body: "", wallMs: 1 }),
        ready: false,
        storageKey: "k",
        notReadyReason: "先运行你的代码",
      }),
    );
    for (const word of [
      ">方法<",
      ">路径<",
      ">请求体<",
      ">请求头<",
      ">添加请求头<",
      ">复制为 curl 命令<",
      ">最近的请求<",
    ])
      expect(html, word).toContain(word);
    expect(html).toContain('aria-label="响应"');
    expect(html).toContain('aria-label="最近的请求"');
    expect(html).toContain("你发送的请求会显示在这里。");
    expect(html).not.toMatch(/>(Method|Path|Send|Headers|Request body|Recent requests)</);
  });

  it("says the platform's messages in Chinese, keeping Go's panic line", () => {
    const timeout = zh(
      createElement(ResponseView, {
        result: answer(failure(platformText("explorerTimeout", { ms: 5000 }))),
        sending: false,
      }),
    );
    expect(timeout).toContain("错误：handler 在 5000 ms 内没有响应，已被停止");
    const panic = failure(platformText("explorerPanic", { panic: "panic: kaboom" }));
    const html = zh(
      createElement(ResponseView, {
        result: answer(panic),
        sending: false,
      }),
    );
    expect(html).toContain("panic: kaboom\nhandler 发生了 panic");
    expect(html).not.toContain("The handler panicked");
  });

  it("shows raw text that is not the platform's as it came", () => {
    const html = zh(
      createElement(ResponseView, { result: answer({ error: "synctest.run: bubble abandoned" }), sending: false }),
    );
    expect(html).toContain("错误：synctest.run: bubble abandoned");
  });

  it("keeps HTTP's words and translates the rest of a response", () => {
    const html = zh(
      createElement(ResponseView, {
        result: answer({
          status: 404,
          statusText: "Not Found",
          headers: [["Content-Type", "text/plain"]],
          body: "",
          virtualMs: 1,
        }),
        sending: false,
      }),
    );
    expect(html).toContain("404 Not Found");
    expect(html).toContain("客户端错误");
    expect(html).toContain("实际耗时 2 ms");
    expect(html).toContain("，虚拟时间 1 ms");
    expect(html).toContain(">响应头<");
    expect(html).toContain("Content-Type");
    expect(html).toContain("响应体为空。");
  });
});
