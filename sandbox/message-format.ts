// Shared by the sandbox (platform messages, sandbox/platform-text.ts) and the
// site (src/i18n/messages/): the sandbox may import nothing from src/.
// Fills a message's {name} placeholders. A missing parameter stays visible as
// {name} rather than turning into "undefined", so a mistake shows on the page.

export type Params = Record<string, string | number>;

export function format(message: string, params: Params = {}): string {
  return message.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}

/** The {name} placeholders a message uses, sorted: both languages must use the same ones. */
export function placeholders(message: string): string[] {
  return [...new Set([...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!))].sort();
}
