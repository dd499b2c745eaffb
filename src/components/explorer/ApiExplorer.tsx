import { useCallback, useEffect, useId, useRef, useState } from "react";
import type { FormEvent, KeyboardEvent as ReactKeyboardEvent } from "react";
import type { ExplorerRequest, ExplorerResponse } from "../../../sandbox/protocol";
import { methodAllowsBody, toCurl } from "./curl";
import type { HeaderRow } from "./format";
import { METHODS, buildRequest, statusClass } from "./format";
import type { HistoryEntry } from "./history";
import { addToHistory, loadHistory, saveHistory } from "./history";
import messages from "../../i18n/messages/explorer";
import { useMessages } from "../exercise/language";
import { ResponseView, type Result } from "./ResponseView";
import "./explorer.css";

export interface ApiExplorerProps {
  send: (req: ExplorerRequest) => Promise<ExplorerResponse>;
  ready: boolean;
  storageKey: string;
  notReadyReason?: string;
}

type CopyState = { kind: "idle" } | { kind: "copied" } | { kind: "failed"; text: string };

export function ApiExplorer(props: ApiExplorerProps) {
  const { send, ready, storageKey, notReadyReason } = props;
  const t = useMessages(messages);
  const [method, setMethod] = useState<string>("GET");
  const [path, setPath] = useState("/");
  const [rows, setRows] = useState<HeaderRow[]>([]);
  const [body, setBody] = useState("");
  const [result, setResult] = useState<Result | null>(null);
  const [sending, setSending] = useState(false);
  /** Answers received so far; lets tests and the benchmark tell responses apart. */
  const [answered, setAnswered] = useState(0);
  const [history, setHistory] = useState<HistoryEntry[]>([]);
  const [copy, setCopy] = useState<CopyState>({ kind: "idle" });
  const nextRowId = useRef(1);
  const requestSeq = useRef(0);
  const mounted = useRef(true);
  const copyTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const ids = useId();

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      clearTimeout(copyTimer.current);
    };
  }, []);

  // Storage is only touched in effects (never during render, so SSR is safe).
  useEffect(() => {
    setHistory(loadHistory(storageKey));
  }, [storageKey]);

  const bodyAllowed = methodAllowsBody(method);

  const doSend = useCallback(
    async (req: ExplorerRequest) => {
      if (!ready) return;
      const seq = ++requestSeq.current;
      setSending(true);
      let status: number | undefined;
      try {
        const res = await send(req);
        if (!mounted.current || seq !== requestSeq.current) return;
        if (!res || typeof res !== "object") throw new Error(t("noResponse"));
        status = typeof res.status === "number" && res.status > 0 ? res.status : undefined;
        setResult({ kind: "response", req, res });
        setAnswered((n) => n + 1);
      } catch (err) {
        if (!mounted.current || seq !== requestSeq.current) return;
        setResult({ kind: "failure", req, message: err instanceof Error ? err.message : String(err) });
        setAnswered((n) => n + 1);
      } finally {
        if (mounted.current && seq === requestSeq.current) setSending(false);
      }
      setHistory((prev) => {
        const next = addToHistory(prev, req, Date.now(), status);
        saveHistory(storageKey, next);
        return next;
      });
    },
    [ready, send, storageKey, t],
  );

  const currentRequest = () => buildRequest(method, path, rows, body);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!sending) void doSend(currentRequest());
  };

  const onFormKeyDown = (e: ReactKeyboardEvent<HTMLFormElement>) => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      if (!sending) void doSend(currentRequest());
    }
  };

  const loadEntry = (req: ExplorerRequest) => {
    setMethod(METHODS.includes(req.method as (typeof METHODS)[number]) ? req.method : "GET");
    setPath(req.path);
    setRows(req.headers.map(([name, value]) => ({ id: nextRowId.current++, name, value })));
    setBody(req.body);
  };

  const addRow = () => setRows((r) => [...r, { id: nextRowId.current++, name: "", value: "" }]);
  const updateRow = (id: number, patch: Partial<HeaderRow>) =>
    setRows((r) => r.map((row) => (row.id === id ? { ...row, ...patch } : row)));
  const removeRow = (id: number) => setRows((r) => r.filter((row) => row.id !== id));

  const copyCurl = async () => {
    const text = toCurl(currentRequest());
    clearTimeout(copyTimer.current);
    const ok = await copyText(text);
    if (!mounted.current) return;
    setCopy(ok ? { kind: "copied" } : { kind: "failed", text });
    if (ok) copyTimer.current = setTimeout(() => mounted.current && setCopy({ kind: "idle" }), 2000);
  };

  const clearHistory = () => {
    setHistory([]);
    saveHistory(storageKey, []);
  };

  const notReadyId = `${ids}-notready`;
  const sendDisabled = !ready || sending;

  return (
    <div className="ex-api">
      <form className="ex-api-form" onSubmit={onSubmit} onKeyDown={onFormKeyDown}>
        <div className="ex-api-line">
          <label className="ex-api-field ex-api-method">
            <span className="ex-api-label">{t("method")}</span>
            <select value={method} onChange={(e) => setMethod(e.target.value)}>
              {METHODS.map((m) => (
                <option key={m} value={m}>
                  {m}
                </option>
              ))}
            </select>
          </label>
          <label className="ex-api-field ex-api-path">
            <span className="ex-api-label">{t("path")}</span>
            <input
              type="text"
              value={path}
              onChange={(e) => setPath(e.target.value)}
              placeholder="/"
              spellCheck={false}
              autoCapitalize="off"
              autoComplete="off"
            />
          </label>
          <button
            type="submit"
            className="ex-api-send"
            disabled={sendDisabled}
            aria-describedby={!ready && notReadyReason ? notReadyId : undefined}
          >
            {t(sending ? "sending" : "send")}
          </button>
        </div>
        {!ready && notReadyReason ? (
          <p id={notReadyId} className="ex-api-notready" role="status">
            {notReadyReason}
          </p>
        ) : null}

        <fieldset className="ex-api-headers">
          <legend>{t("headers")}</legend>
          {rows.length === 0 ? <p className="ex-api-muted">{t("noHeaders")}</p> : null}
          {rows.map((row, i) => (
            <div className="ex-api-header-row" key={row.id}>
              <input
                type="text"
                aria-label={t("headerName", { n: i + 1 })}
                placeholder={t("namePlaceholder")}
                value={row.name}
                onChange={(e) => updateRow(row.id, { name: e.target.value })}
                spellCheck={false}
                autoComplete="off"
              />
              <input
                type="text"
                aria-label={t("headerValue", { n: i + 1 })}
                placeholder={t("valuePlaceholder")}
                value={row.value}
                onChange={(e) => updateRow(row.id, { value: e.target.value })}
                spellCheck={false}
                autoComplete="off"
              />
              <button type="button" onClick={() => removeRow(row.id)} aria-label={t("removeHeader", { n: i + 1 })}>
                {t("remove")}
              </button>
            </div>
          ))}
          <button type="button" onClick={addRow}>
            {t("addHeader")}
          </button>
        </fieldset>

        <label className="ex-api-field ex-api-body">
          <span className="ex-api-label">{t("requestBody")}</span>
          <textarea
            value={bodyAllowed ? body : ""}
            onChange={(e) => setBody(e.target.value)}
            disabled={!bodyAllowed}
            rows={5}
            spellCheck={false}
            placeholder={bodyAllowed ? '{"name": "value"}' : t("noBody", { method })}
          />
        </label>
        <p className="ex-api-muted ex-api-small">
          {bodyAllowed ? t("jsonBodies") : ""}
          {t("sendKeys")}
        </p>

        <div className="ex-api-line">
          <button type="button" onClick={() => void copyCurl()}>
            {t("copyCurl")}
          </button>
          <span className="ex-api-copy-status" role="status">
            {copy.kind === "copied" ? t("copied") : copy.kind === "failed" ? t("copyFailed") : ""}
          </span>
        </div>
        {copy.kind === "failed" ? (
          <textarea
            className="ex-api-copy-fallback"
            readOnly
            aria-label={t("curlLabel")}
            value={copy.text}
            rows={3}
            onFocus={(e) => e.currentTarget.select()}
          />
        ) : null}
      </form>

      <section
        className="ex-api-response"
        aria-label={t("response")}
        aria-live="polite"
        aria-busy={sending}
        data-answer-count={answered}
      >
        <ResponseView result={result} sending={sending} />
      </section>

      <section className="ex-api-history" aria-label={t("recent")}>
        <div className="ex-api-line">
          <h4 className="ex-api-h">{t("recent")}</h4>
          {history.length ? (
            <button type="button" className="ex-api-link" onClick={clearHistory}>
              {t("clear")}
            </button>
          ) : null}
        </div>
        {history.length === 0 ? (
          <p className="ex-api-muted">{t("noHistory")}</p>
        ) : (
          <ol className="ex-api-history-list">
            {history.map((h, i) => {
              const name = `${h.req.method} ${h.req.path}`;
              return (
                <li key={`${h.at}-${i}`}>
                  <button
                    type="button"
                    className="ex-api-history-load"
                    onClick={() => loadEntry(h.req)}
                    title={t("loadTitle")}
                  >
                    <span className="ex-api-history-method">{h.req.method}</span>{" "}
                    <span className="ex-api-history-path">{h.req.path}</span>
                    {h.status !== undefined ? (
                      <span className={`ex-api-history-status ex-api-status-${statusClass(h.status)}`}>{h.status}</span>
                    ) : null}
                  </button>
                  <button
                    type="button"
                    onClick={() => {
                      loadEntry(h.req);
                      void doSend(h.req);
                    }}
                    disabled={sendDisabled}
                    aria-label={t("replayLabel", { request: name })}
                  >
                    {t("replay")}
                  </button>
                </li>
              );
            })}
          </ol>
        )}
      </section>
    </div>
  );
}

/** navigator.clipboard, falling back to a selected off-screen textarea. */
async function copyText(text: string): Promise<boolean> {
  try {
    if (typeof navigator !== "undefined" && navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    /* fall through to the textarea fallback */
  }
  try {
    const ta = document.createElement("textarea");
    ta.value = text;
    ta.setAttribute("readonly", "");
    ta.style.position = "fixed";
    ta.style.top = "0";
    ta.style.left = "-9999px";
    ta.style.opacity = "0";
    document.body.appendChild(ta);
    const prevFocus = document.activeElement as HTMLElement | null;
    ta.select();
    ta.setSelectionRange(0, text.length);
    let ok = false;
    try {
      ok = document.execCommand("copy");
    } catch {
      ok = false;
    }
    document.body.removeChild(ta);
    prevFocus?.focus?.();
    return ok;
  } catch {
    return false;
  }
}
