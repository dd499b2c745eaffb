// Lesson tables scroll inside their own box on narrow screens (global.css);
// a scrolling box must be reachable by keyboard, so each table that scrolls
// takes focus. Whether it scrolls changes with the width (a phone turned, a
// window resized), so each table is watched, not measured once.

/** Gives `table` focus exactly while it scrolls. */
export function updateTableFocus(table: HTMLElement): void {
  if (table.scrollWidth > table.clientWidth) table.tabIndex = 0;
  else table.removeAttribute("tabindex");
}

export function focusableTables(root: ParentNode): void {
  const tables = [...root.querySelectorAll<HTMLTableElement>(".prose table")];
  for (const table of tables) updateTableFocus(table);
  if (typeof ResizeObserver === "undefined") return;
  const observer = new ResizeObserver((entries) => {
    for (const entry of entries) updateTableFocus(entry.target as HTMLElement);
  });
  for (const table of tables) observer.observe(table);
}
