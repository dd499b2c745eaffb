import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ApiExplorer } from "./ApiExplorer";

describe("ApiExplorer (SSR)", () => {
  it("renders the form with labels and the not-ready reason", () => {
    const html = renderToString(
      createElement(ApiExplorer, {
        send: async () => ({ status: 200, statusText: "OK", headers: [], body: "", wallMs: 1 }),
        ready: false,
        storageKey: "k",
        notReadyReason: "Run your code first",
      }),
    );
    expect(html).toContain("Run your code first");
    expect(html).toContain(">Method<");
    expect(html).toContain(">Path<");
    expect(html).toContain(">Request body<");
    expect(html).toMatch(/<button type="submit"[^>]*disabled=""/);
    expect(html).toContain('aria-label="Response"');
    expect(html).toContain('aria-live="polite"');
  });
});
