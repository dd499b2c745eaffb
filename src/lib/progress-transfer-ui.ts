// The home page's "Your progress" controls: export to a JSON file, import
// from one (validated, previewed, merged or replaced on confirmation).

import { translator } from "../i18n/messages/define";
import messages from "../i18n/messages/transfer";
import { pageLocale } from "../i18n/page-locale";
import { PROGRESS_EVENT, browserStore } from "./progress-store";
import { storageText } from "./storage-notice";
import { exportFile, parseExport, planImport, type ImportMode } from "./progress-transfer";
import type { ProgressSnapshot } from "./progress-store";

/** Wires the [data-progress-transfer] section. */
export function mountProgressTransfer(root: ParentNode): void {
  const section = root.querySelector<HTMLElement>("[data-progress-transfer]");
  if (!section) return;
  const locale = pageLocale();
  const t = translator(messages, locale);
  const $ = <T extends HTMLElement>(selector: string) => section.querySelector<T>(selector)!;
  const known = new Set((section.dataset.lessons ?? "").split(",").filter(Boolean));
  const status = $<HTMLElement>("[data-transfer-status]");
  const error = $<HTMLElement>("[data-transfer-error]");
  const input = $<HTMLInputElement>("[data-import]");
  const preview = $<HTMLElement>("[data-import-preview]");
  const changes = $<HTMLUListElement>("[data-changes]");
  const say = (message: string, isError = false) => {
    status.textContent = isError ? "" : message;
    error.textContent = isError ? message : "";
  };
  let incoming: { snapshot: ProgressSnapshot; skipped: string[]; name: string } | undefined;

  const mode = () =>
    (section.querySelector<HTMLInputElement>("input[name=import-mode]:checked")?.value ?? "merge") as ImportMode;
  const showPlan = () => {
    if (!incoming) return;
    const plan = planImport(browserStore().snapshot(), incoming.snapshot, mode(), locale);
    const lines = plan.changes.length ? plan.changes : [t("nothing")];
    if (incoming.skipped.length) lines.push(t("skip", { ids: incoming.skipped.join(", ") }));
    changes.replaceChildren(...lines.map((line) => Object.assign(document.createElement("li"), { textContent: line })));
    $<HTMLElement>("[data-import-name]").textContent = incoming.name;
    preview.hidden = false;
  };

  $<HTMLButtonElement>("[data-export]").addEventListener("click", () => {
    const text = exportFile(browserStore().snapshot());
    const a = document.createElement("a");
    a.href = URL.createObjectURL(new Blob([text], { type: "application/json" }));
    a.download = `gocourse-progress-${new Date().toISOString().slice(0, 10)}.json`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
    say(t("exported", { file: a.download }));
  });

  input.addEventListener("change", () => {
    const file = input.files?.[0];
    input.value = "";
    preview.hidden = true;
    incoming = undefined;
    if (!file) return;
    void file.text().then(
      (text) => {
        const parsed = parseExport(text, known.size ? known : undefined, locale);
        if (!parsed.ok) return say(t("rejected", { file: file.name, error: parsed.error }), true);
        incoming = { snapshot: parsed.snapshot, skipped: parsed.skipped, name: file.name };
        say("");
        showPlan();
      },
      () => say(t("unreadable", { file: file.name }), true),
    );
  });
  for (const radio of section.querySelectorAll("input[name=import-mode]")) radio.addEventListener("change", showPlan);

  $<HTMLButtonElement>("[data-cancel]").addEventListener("click", () => {
    incoming = undefined;
    preview.hidden = true;
    say(t("cancelled"));
  });
  $<HTMLButtonElement>("[data-confirm]").addEventListener("click", () => {
    if (!incoming) return;
    const store = browserStore();
    const plan = planImport(store.snapshot(), incoming.snapshot, mode(), locale);
    const outcome = store.replaceAll(plan.next);
    preview.hidden = true;
    if (!outcome.saved) return say(t("notSaved", { reason: storageText(outcome.reason, locale) }), true);
    say(t("imported", { file: incoming.name }));
    incoming = undefined;
    window.dispatchEvent(new Event(PROGRESS_EVENT));
  });
}
