// In the page: shows a lesson's test names and failure messages in the
// learner's language. The sandbox always reports them in English, as the
// tests wrote them; a lesson's translation maps each name, and each expect()
// message template (src/i18n/lesson-strings.ts), to its translation. A
// template's ${expression} placeholders match any text, which the translation
// reuses wherever it names the same ${expression}.

export interface TestTranslation {
  /** English test or describe name -> translation. */
  names: Record<string, string>;
  /** English expect() message template -> translation with the same ${...} placeholders. */
  messages: Record<string, string>;
}

/** The ${...} placeholders of a template, in order (braces inside balanced). */
export function templateParts(template: string): { literals: string[]; holes: string[] } {
  const literals: string[] = [];
  const holes: string[] = [];
  let text = "";
  for (let i = 0; i < template.length; i++) {
    if (template[i] === "$" && template[i + 1] === "{") {
      let depth = 1;
      let j = i + 2;
      while (j < template.length && depth > 0) {
        if (template[j] === "{") depth++;
        else if (template[j] === "}") depth--;
        j++;
      }
      literals.push(text);
      holes.push(template.slice(i, j));
      text = "";
      i = j - 1;
    } else text += template[i];
  }
  literals.push(text);
  return { literals, holes };
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

interface Compiled {
  pattern: RegExp;
  holes: string[];
  translation: string;
}

/**
 * Returns a function that translates a failure message: the longest template
 * whose pattern matches the message's start (up to ": expected ..." added by
 * the assertion, which stays as it is) wins; an unknown message comes back
 * unchanged.
 */
export function messageTranslator(messages: Record<string, string>): (message: string) => string {
  const compiled: Compiled[] = Object.entries(messages)
    .sort(([a], [b]) => b.length - a.length)
    .map(([template, translation]) => {
      const { literals, holes } = templateParts(template);
      const body = literals.map(escape).join("([\\s\\S]*?)");
      return { pattern: new RegExp(`^${body}(: [\\s\\S]*)?$`), holes, translation };
    });
  return (message) => {
    for (const { pattern, holes, translation } of compiled) {
      const match = pattern.exec(message);
      if (!match) continue;
      const values = new Map(holes.map((hole, k) => [hole, match[k + 1] ?? ""]));
      const { literals, holes: used } = templateParts(translation);
      return (
        literals.map((lit, k) => lit + (k < used.length ? (values.get(used[k]!) ?? used[k]) : "")).join("") +
        (match[holes.length + 1] ?? "")
      );
    }
    return message;
  };
}
