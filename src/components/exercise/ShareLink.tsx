// Share code by link: the "Copy link" toolbar button, and the banner that
// offers code from a share link opened on this lesson. Loading shared code
// never overwrites the learner's code silently: it is kept (in memory, to
// restore with one click, and under a backup key in browser storage).

import { useEffect, useRef, useState } from "react";
import type { ExerciseData } from "../../lib/exercise-files";
import { browserStore } from "../../lib/progress-store";
import {
  ShareTooLargeError,
  decodeShare,
  encodeShare,
  formatBytes,
  isShareFragment,
  shareText,
  type ShareProblem,
  type SharedCode,
} from "../../lib/share-link";
import messages from "../../i18n/messages/share";
import { useLocale, useMessages } from "./language";

const editableNames = (data: ExerciseData) => data.files.filter((f) => !f.readonly).map((f) => f.name);

/** The page URL without its fragment, so the share link is removed once handled. */
function dropFragment(): void {
  history.replaceState(history.state, "", location.pathname + location.search);
}

/** Copies a link to the learner's editable files. */
export function CopyLinkButton({ data, code }: { data: ExerciseData; code: Record<string, string> }) {
  const t = useMessages(messages);
  const locale = useLocale();
  const [status, setStatus] = useState("");
  const [manual, setManual] = useState<string | undefined>();
  const copy = async () => {
    setManual(undefined);
    const files = Object.fromEntries(editableNames(data).map((name) => [name, code[name] ?? ""]));
    let url: string;
    try {
      url = `${location.origin}${location.pathname}#${await encodeShare({ lessonId: data.lessonId, files })}`;
    } catch (error) {
      if (error instanceof ShareTooLargeError) return setStatus(shareText(error.problem, locale));
      return setStatus(error instanceof Error ? error.message : String(error));
    }
    try {
      await navigator.clipboard.writeText(url);
      setStatus(t("copied", { size: formatBytes(url.length, locale) }));
    } catch {
      setManual(url);
      setStatus(t("copyBlocked"));
    }
  };
  return (
    <>
      <button type="button" onClick={() => void copy()} title={t("copyTitle")}>
        {t("copyLink")}
      </button>
      <span className="ex-share-status" role="status">
        {status}
      </span>
      {manual && (
        <input
          className="ex-share-manual"
          readOnly
          value={manual}
          aria-label={t("linkLabel")}
          onFocus={(e) => e.currentTarget.select()}
          autoFocus
        />
      )}
    </>
  );
}

type BannerState =
  | { kind: "none" }
  | { kind: "error"; problem: ShareProblem }
  | { kind: "offer"; shared: SharedCode }
  | { kind: "loaded"; previous: Record<string, string>; backupKey: string | undefined };

/** Offers code from a share link in the URL fragment; `onLoad` replaces the editor's files. */
export function SharedCodeBanner({
  data,
  code,
  onLoad,
}: {
  data: ExerciseData;
  code: Record<string, string>;
  onLoad: (files: Record<string, string>) => void;
}) {
  const t = useMessages(messages);
  const locale = useLocale();
  const [state, setState] = useState<BannerState>({ kind: "none" });
  const banner = useRef<HTMLElement>(null);

  useEffect(() => {
    const read = () => {
      if (!isShareFragment(location.hash)) return;
      const editable = editableNames(data);
      const readonly = data.files.filter((f) => f.readonly).map((f) => f.name);
      void decodeShare(location.hash, { lessonId: data.lessonId, editable, readonly }).then((result) =>
        setState(result.ok ? { kind: "offer", shared: result.code } : { kind: "error", problem: result.error }),
      );
    };
    read();
    window.addEventListener("hashchange", read);
    return () => window.removeEventListener("hashchange", read);
  }, [data]);

  useEffect(() => {
    if (state.kind !== "none") banner.current?.scrollIntoView({ block: "center" });
  }, [state.kind]);

  if (state.kind === "none") return null;
  const close = () => {
    dropFragment();
    setState({ kind: "none" });
  };
  if (state.kind === "error") {
    return (
      <section className="ex-share" ref={banner} role="alert" aria-label={t("bannerLabel")}>
        <p>{t("unusable", { error: shareText(state.problem, locale) })}</p>
        <button type="button" onClick={close}>
          {t("dismiss")}
        </button>
      </section>
    );
  }
  if (state.kind === "loaded") {
    return (
      <section className="ex-share" ref={banner} aria-label={t("bannerLabel")}>
        <p role="status">{state.backupKey ? t("loadedBackup", { key: state.backupKey }) : t("loaded")}</p>
        <button
          type="button"
          onClick={() => {
            onLoad(state.previous);
            setState({ kind: "none" });
          }}
        >
          {t("restore")}
        </button>
        <button type="button" onClick={() => setState({ kind: "none" })}>
          {t("dismiss")}
        </button>
      </section>
    );
  }
  const { files } = state.shared;
  const load = () => {
    const previous = { ...code };
    const backupKey = browserStore().backup(`before-share:${data.lessonId}`, JSON.stringify({ files: previous }));
    onLoad(files);
    dropFragment();
    setState({ kind: "loaded", previous, backupKey });
  };
  return (
    <section className="ex-share" ref={banner} aria-label={t("bannerLabel")}>
      <p>
        <strong>{t("offerTitle")}</strong> {t("offerBody")}
      </p>
      <ul>
        {Object.entries(files).map(([name, contents]) => (
          <li key={name}>
            <details>
              <summary>
                {name} ({formatBytes(new TextEncoder().encode(contents).byteLength, locale)})
              </summary>
              <pre>{contents}</pre>
            </details>
          </li>
        ))}
      </ul>
      <button type="button" onClick={load}>
        {t("load")}
      </button>
      <button type="button" onClick={close}>
        {t("dismiss")}
      </button>
    </section>
  );
}
