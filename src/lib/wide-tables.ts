// Lesson tables scroll inside their own box on narrow screens (global.css);
// a scrolling box must be reachable by keyboard, so each table takes focus.

export function focusableTables(root: ParentNode): void {
  for (const table of root.querySelectorAll<HTMLTableElement>(".prose table")) {
    if (table.scrollWidth > table.clientWidth) table.tabIndex = 0;
  }
}
