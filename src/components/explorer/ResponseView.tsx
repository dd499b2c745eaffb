// The API explorer's answer: status line, timings, headers and body, or why
// there is none (the platform's reasons in the page's language).

import type { ExplorerRequest, ExplorerResponse } from "../../../sandbox/protocol";
import {
  MAX_BODY_CHARS,
  MAX_HEADERS,
  MAX_HEADER_CHARS,
  MAX_MESSAGE_CHARS,
  capText,
} from "../../../sandbox/output-limits";
import messages from "../../i18n/messages/explorer";
import { useLocale, useMessages } from "../exercise/language";
import { platformMessage } from "../exercise/localize";
import { STATUS_CLASS_WORDS, formatBody, formatMs, statusClass, statusText } from "./format";

/** What the last Send produced. */
export type Result =
  | { kind: "response"; req: ExplorerRequest; res: ExplorerResponse }
  | { kind: "failure"; req: ExplorerRequest; message: string };

/** The last response (or failure) as the learner reads it; shown under the form. */
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
