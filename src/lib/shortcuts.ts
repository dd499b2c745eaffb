// "?" opens the keyboard shortcut list (a native <dialog>: focus moves in,
// Esc closes it, focus returns). Ignored while typing, in the editor or in
// any field, where "?" is just a character. Search's keys ("/", Ctrl+K) are
// in search.ts and use the same test.

/** True when a key press goes to a field or the editor, where keys are text. */
export function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable || target.closest("input, textarea, select, .monaco-editor, [contenteditable]") !== null
  );
}

export function listenForShortcuts(doc: Document): void {
  const dialog = doc.querySelector<HTMLDialogElement>("#shortcuts");
  if (!dialog) return;
  const open = () => {
    if (!dialog.open) dialog.showModal();
  };
  for (const button of doc.querySelectorAll("[data-open-shortcuts]")) button.addEventListener("click", open);
  doc.addEventListener("keydown", (event) => {
    if (event.key !== "?" || event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
    event.preventDefault();
    open();
  });
}
