import { useCallback, useEffect, useId, useRef, useState } from "react";
import type { FormEvent, KeyboardEvent as ReactKeyboardEvent } from "react";
import type { ExplorerRequest, ExplorerResponse } from "../../../sandbox/protocol";
import {
  MAX_BODY_CHARS,
  MAX_HEADERS,
  MAX_HEADER_CHARS,
  MAX_MESSAGE_CHARS,
  capText,
} from "../../../sandbox/output-limits";
import { methodAllowsBody, toCurl } from "./curl";
import type { HeaderRow } from "./format";
import { METHODS, STATUS_CLASS_WORDS, buildRequest, formatBody, formatMs, statusClass, statusText } from "./format";
import type { HistoryEntry } from "./history";
import { addToHistory, loadHistory, saveHistory } from "./history";
import messages from "../../i18n/messages/explorer";
import { useLocale, useMessages } from "../exercise/language";
import { platformMessage } from "../exercise/localize";
import "./explorer.css";

export interface ApiExplorerProps {
  send: (req: ExplorerRequest) => Promise<ExplorerResponse>;
  ready: boolean;
  storageKey: string;
  notReadyReason?: string;
}

/** What the last Send produced. */
export type Result =
  | { kind: "response"; req: ExplorerRequest; res: ExplorerResponse }
  | { kind: "failure"; req: ExplorerRequest; message: string };

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

/** The last response (or failure) as the learner reads it; exported for the SSR tests. */
export function ResponseView({ result, sending }: { result: Result | null; sending: boolean }) {
  const t = useMessages(messages);
  const locale = useLocale();
  if (!result) {
    return <p className="ex-api-muted">{t(sending ? "sending" : "sendToSee")}</p>;
  }
  const reqLine = (
    <p className="ex-api-muted ex-api-small">
      {result.req.method} {result.req.path}
      {sending ? t("sendingAnother") : ""}
    </p>
  );
  if (result.kind === "failure") {
    return (
      <>
        {reqLine}
        <p className="ex-api-error" role="alert">
          {t("requestFailed", { message: result.message })}
        </p>
      </>
    );
  }
  const res = result.res;
  const cls = statusClass(res.status);
  const text = statusText(res.status, res.statusText);
  // Capped again here: whatever reached the view, it renders in milliseconds.
  const headers = Array.isArray(res.headers) ? res.headers.slice(0, MAX_HEADERS) : [];
  const body = capText(res.body, MAX_BODY_CHARS);
  const formatted = formatBody(body);
  // The platform's own message (no handler, a timeout, ...) in the page's language; other text as it came.
  const error = res.platform ? platformMessage(res.platform, locale) : res.error;
  return (
    <>
      {reqLine}
      {res.error ? (
        <p className="ex-api-error" role="alert">
          {t("error", { message: capText(error ?? "", MAX_MESSAGE_CHARS) })}
        </p>
      ) : null}
      <p className="ex-api-status-line">
        <span className={`ex-api-status ex-api-status-${cls}`}>
          {res.status} {text}
        </span>{" "}
        <span className="ex-api-status-words">{t(STATUS_CLASS_WORDS[cls])}</span>
        <span className="ex-api-timing">
          {t("wall", { time: formatMs(res.wallMs) })}
          {typeof res.virtualMs === "number" ? t("virtual", { time: formatMs(res.virtualMs) }) : ""}
        </span>
      </p>
      {headers.length ? (
        <table className="ex-api-table">
          <caption className="ex-api-h">{t("responseHeaders")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("name")}</th>
              <th scope="col">{t("value")}</th>
            </tr>
          </thead>
          <tbody>
            {headers.map(([n, v], i) => (
              <tr key={i}>
                <td>{capText(n, MAX_HEADER_CHARS)}</td>
                <td>{capText(v, MAX_HEADER_CHARS)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="ex-api-muted ex-api-small">{t("noResponseHeaders")}</p>
      )}
      <h4 className="ex-api-h">{t(formatted.json ? "bodyJson" : "body")}</h4>
      {body ? (
        <pre className="ex-api-body-view" tabIndex={0}>
          {formatted.text}
        </pre>
      ) : (
        <p className="ex-api-muted ex-api-small">{t("emptyBody")}</p>
      )}
    </>
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
