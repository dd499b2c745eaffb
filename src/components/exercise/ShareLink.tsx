// Share code by link: the "Copy link" toolbar button, and the banner that
// offers code from a share link opened on this lesson. Loading shared code
// never overwrites the learner's code silently: it is kept (in memory, to
// restore with one click, and under a backup key in browser storage).

import { useEffect, useRef, useState } from "react";
import type { ExerciseData } from "../../lib/exercise-files";
import { browserStore } from "../../lib/progress-store";
import { decodeShare, encodeShare, formatBytes, isShareFragment, type SharedCode } from "../../lib/share-link";

const editableNames = (data: ExerciseData) => data.files.filter((f) => !f.readonly).map((f) => f.name);

/** The page URL without its fragment, so the share link is removed once handled. */
function dropFragment(): void {
  history.replaceState(history.state, "", location.pathname + location.search);
}

/** Copies a link to the learner's editable files. */
export function CopyLinkButton({ data, code }: { data: ExerciseData; code: Record<string, string> }) {
  const [status, setStatus] = useState("");
  const [manual, setManual] = useState<string | undefined>();
  const copy = async () => {
    setManual(undefined);
    const files = Object.fromEntries(editableNames(data).map((name) => [name, code[name] ?? ""]));
    let url: string;
    try {
      url = `${location.origin}${location.pathname}#${await encodeShare({ lessonId: data.lessonId, files })}`;
    } catch (error) {
      return setStatus(error instanceof Error ? error.message : String(error));
    }
    try {
      await navigator.clipboard.writeText(url);
      setStatus(`Link copied (${formatBytes(url.length)}). Your code is in the link itself, not on a server.`);
    } catch {
      setManual(url);
      setStatus("Copying was blocked: copy the link below.");
    }
  };
  return (
    <>
      <button type="button" onClick={() => void copy()} title="Copy a link that contains your code">
        Copy link
      </button>
      <span className="ex-share-status" role="status">
        {status}
      </span>
      {manual && (
        <input
          className="ex-share-manual"
          readOnly
          value={manual}
          aria-label="Share link"
          onFocus={(e) => e.currentTarget.select()}
          autoFocus
        />
      )}
    </>
  );
}

type BannerState =
  | { kind: "none" }
  | { kind: "error"; message: string }
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
  const [state, setState] = useState<BannerState>({ kind: "none" });
  const banner = useRef<HTMLElement>(null);

  useEffect(() => {
    const read = () => {
      if (!isShareFragment(location.hash)) return;
      const editable = editableNames(data);
      const readonly = data.files.filter((f) => f.readonly).map((f) => f.name);
      void decodeShare(location.hash, { lessonId: data.lessonId, editable, readonly }).then((result) =>
        setState(
          result.ok
            ? { kind: "offer", shared: result.code }
            : { kind: "error", message: `This page was opened with a share link that cannot be used. ${result.error}` },
        ),
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
      <section className="ex-share" ref={banner} role="alert" aria-label="Shared code">
        <p>{state.message} Your code is unchanged.</p>
        <button type="button" onClick={close}>
          Dismiss
        </button>
      </section>
    );
  }
  if (state.kind === "loaded") {
    return (
      <section className="ex-share" ref={banner} aria-label="Shared code">
        <p role="status">
          The shared code is in the editor. Your previous code is kept
          {state.backupKey ? ` (also in this browser under "${state.backupKey}")` : ""}.
        </p>
        <button
          type="button"
          onClick={() => {
            onLoad(state.previous);
            setState({ kind: "none" });
          }}
        >
          Restore my code
        </button>
        <button type="button" onClick={() => setState({ kind: "none" })}>
          Dismiss
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
    <section className="ex-share" ref={banner} aria-label="Shared code">
      <p>
        <strong>Someone shared code for this exercise.</strong> Loading it replaces the code in the editor; yours is
        kept and can be restored.
      </p>
      <ul>
        {Object.entries(files).map(([name, contents]) => (
          <li key={name}>
            <details>
              <summary>
                {name} ({formatBytes(new TextEncoder().encode(contents).byteLength)})
              </summary>
              <pre>{contents}</pre>
            </details>
          </li>
        ))}
      </ul>
      <button type="button" onClick={load}>
        Load into editor
      </button>
      <button type="button" onClick={close}>
        Dismiss
      </button>
    </section>
  );
}
