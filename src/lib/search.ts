// The search dialog (src/components/SearchDialog.astro): "/" or Ctrl+K (Cmd+K)
// opens it, outside fields and the editor. It queries the Pagefind index the
// build writes to <base>pagefind/ (src/integrations/pagefind.ts) through
// Pagefind's JS API, loaded on first use, and lists matching lessons with
// links to their sections. Everything comes from the site itself (and from
// the service worker's precache offline). A native <dialog>: focus moves to
// the input, Esc closes it and focus returns to where it was. Pagefind keeps
// one index per language (the pages' <html lang>) and loads the one of the
// page it runs in, so a Chinese page searches the Chinese lessons.

import { pageLocale } from "../i18n/page-locale";
import { translator, type KeyOf, type Translator } from "../i18n/messages/define";
import messages from "../i18n/messages/search";
import { typing } from "./shortcuts";

/** The part of Pagefind's JS API (pagefind.js) the dialog uses. */
interface Pagefind {
  init(): Promise<void>;
  debouncedSearch(term: string, options?: object, ms?: number): Promise<{ results: PagefindHit[] } | null>;
}
interface PagefindHit {
  data(): Promise<PagefindPage>;
}
/** One page's result: sections come as sub-results with an anchor. */
export interface PagefindPage {
  url: string;
  excerpt: string;
  meta: { title?: string; module?: string };
  sub_results: { title: string; url: string; excerpt: string; anchor?: { id: string } }[];
}

/** Pages shown per search, and sections per page. */
const MAX_PAGES = 8;
const MAX_SECTIONS = 3;

let loading: Promise<Pagefind> | undefined;

function loadPagefind(): Promise<Pagefind> {
  const url = `${import.meta.env.BASE_URL.replace(/\/?$/, "/")}pagefind/pagefind.js`;
  loading ??= (import(/* @vite-ignore */ url) as Promise<Pagefind>).then(async (pagefind) => {
    await pagefind.init();
    return pagefind;
  });
  // A failed load (astro dev has no index; a network error) may be retried.
  loading.catch(() => (loading = undefined));
  return loading;
}

/** True for the keys that open search: "/" alone, or Ctrl+K / Cmd+K. */
export function isSearchKey(event: Pick<KeyboardEvent, "key" | "ctrlKey" | "metaKey" | "altKey">): boolean {
  if (event.altKey) return false;
  if (event.key === "/") return !event.ctrlKey && !event.metaKey;
  return event.key.toLowerCase() === "k" && event.ctrlKey !== event.metaKey;
}

/** The sections worth listing for a page: those with an anchor, page order kept. */
export function sectionsOf(page: PagefindPage): PagefindPage["sub_results"] {
  return page.sub_results.filter((s) => s.anchor?.id && s.url !== page.url).slice(0, MAX_SECTIONS);
}

/** Wires the dialog, its opening buttons and keys. */
export function listenForSearch(doc: Document): void {
  const dialog = doc.querySelector<HTMLDialogElement>("#search");
  const input = doc.querySelector<HTMLInputElement>("#search-input");
  const status = doc.querySelector<HTMLElement>("#search-status");
  const list = doc.querySelector<HTMLOListElement>("#search-results");
  if (!dialog || !input || !status || !list) return;
  const t = translator(messages, pageLocale(doc));

  const open = () => {
    if (!dialog.open) dialog.showModal();
    input.select();
    void loadPagefind().catch(() => undefined);
  };
  for (const button of doc.querySelectorAll("[data-open-search]")) button.addEventListener("click", open);
  doc.addEventListener("keydown", (event) => {
    if (!isSearchKey(event) || typing(event.target)) return;
    event.preventDefault();
    open();
  });
  // Esc in a filled search field would only clear it: close at the first Esc.
  dialog.addEventListener("keydown", (event) => {
    if (event.key !== "Escape") return;
    event.preventDefault();
    dialog.close();
  });
  // A click on a result to this very page only moves to the section: close first.
  list.addEventListener("click", (event) => {
    if (event.target instanceof Element && event.target.closest("a")) dialog.close();
  });

  let shown = 0;
  input.addEventListener("input", () => {
    const term = input.value.trim();
    const ticket = ++shown;
    if (term === "") {
      list.replaceChildren();
      status.textContent = "";
      return;
    }
    void (async () => {
      let pagefind: Pagefind;
      try {
        pagefind = await loadPagefind();
      } catch {
        status.textContent = t("unavailable");
        return;
      }
      const found = await pagefind.debouncedSearch(term, {}, 150);
      if (!found || ticket !== shown) return; // a newer search superseded this one
      const pages = await Promise.all(found.results.slice(0, MAX_PAGES).map((r) => r.data()));
      if (ticket !== shown) return;
      list.replaceChildren(...pages.map((page) => renderPage(doc, page)));
      const n = found.results.length;
      status.textContent = foundText(t, term, n);
    })();
  });
}

/** The status line for `n` results. */
export function foundText(t: Translator<KeyOf<typeof messages>>, term: string, n: number): string {
  if (n === 0) return t("none", { term });
  if (n === 1) return t("one");
  return n > MAX_PAGES ? t("manyShown", { n, shown: MAX_PAGES }) : t("many", { n });
}

function renderPage(doc: Document, page: PagefindPage): HTMLLIElement {
  const item = doc.createElement("li");
  const link = doc.createElement("a");
  link.href = page.url;
  link.className = "search-page";
  link.textContent = page.meta.title ?? page.url;
  item.append(link);
  if (page.meta.module) {
    const module = doc.createElement("span");
    module.className = "search-module";
    module.textContent = page.meta.module;
    item.append(" ", module);
  }
  const sections = sectionsOf(page);
  if (sections.length === 0) {
    item.append(excerpt(doc, page.excerpt));
    return item;
  }
  const nested = doc.createElement("ul");
  for (const section of sections) {
    const li = doc.createElement("li");
    const a = doc.createElement("a");
    a.href = section.url;
    a.textContent = section.title;
    li.append(a, excerpt(doc, section.excerpt));
    nested.append(li);
  }
  item.append(nested);
  return item;
}

/** Pagefind's excerpt: text it escaped, with <mark> around the matched words. */
function excerpt(doc: Document, html: string): HTMLParagraphElement {
  const p = doc.createElement("p");
  p.className = "search-excerpt";
  // Keep only the <mark> elements, whatever else the string might hold.
  const parts = html.split(/(<mark>|<\/mark>)/);
  let marked = false;
  for (const part of parts) {
    if (part === "<mark>") marked = true;
    else if (part === "</mark>") marked = false;
    else if (part) {
      const text = doc.createTextNode(decode(part));
      if (marked) {
        const mark = doc.createElement("mark");
        mark.append(text);
        p.append(mark);
      } else p.append(text);
    }
  }
  return p;
}

function decode(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&amp;/g, "&");
}
