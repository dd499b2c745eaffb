// A "Copy" button on every code block of the lesson text. The button says
// what happened in its own label ("Copied" / "Copy failed"), which a screen
// reader reads as the focused control changes; no live region needed.

const RESET_MS = 2000;

export function addCopyButtons(root: ParentNode): void {
  for (const pre of root.querySelectorAll<HTMLPreElement>("main pre.astro-code")) {
    if (pre.parentElement?.classList.contains("code-block")) continue;
    const wrapper = document.createElement("div");
    wrapper.className = "code-block";
    pre.replaceWith(wrapper);
    wrapper.append(pre);
    const button = document.createElement("button");
    button.type = "button";
    button.className = "copy-code";
    button.textContent = "Copy";
    button.setAttribute("aria-label", "Copy code");
    let timer: ReturnType<typeof setTimeout> | undefined;
    button.addEventListener("click", () => {
      const say = (text: string) => {
        button.textContent = text;
        button.setAttribute("aria-label", text);
        clearTimeout(timer);
        timer = setTimeout(() => {
          button.textContent = "Copy";
          button.setAttribute("aria-label", "Copy code");
        }, RESET_MS);
      };
      navigator.clipboard.writeText(pre.innerText.replace(/\n$/, "")).then(
        () => say("Copied"),
        () => say("Copy failed"),
      );
    });
    wrapper.append(button);
  }
}
