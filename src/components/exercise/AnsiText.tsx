// Console text with ANSI colours rendered as styled spans (see lib/ansi.ts).

import { parseAnsi } from "../../lib/ansi";

/** AnsiText renders text, turning SGR escape codes into classes and dropping other escapes. */
export function AnsiText({ text }: { text: string }) {
  // Plain text (the common case) renders as one text node.
  if (!text.includes("\u001b") && !text.includes("\u009b")) return <>{text}</>;
  return (
    <>
      {parseAnsi(text).map((seg, i) => {
        const classes = [
          seg.fg !== undefined ? `ansi-fg-${seg.fg}` : "",
          seg.bg !== undefined ? `ansi-bg-${seg.bg}` : "",
          seg.bold ? "ansi-bold" : "",
          seg.dim ? "ansi-dim" : "",
          seg.italic ? "ansi-italic" : "",
          seg.underline ? "ansi-underline" : "",
        ].filter(Boolean);
        return classes.length ? (
          <span key={i} className={classes.join(" ")}>
            {seg.text}
          </span>
        ) : (
          seg.text
        );
      })}
    </>
  );
}
