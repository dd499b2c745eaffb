// Rehype plugin: prefixes the site's base to root-relative links and images in
// lesson text ("/03-http/01-products-api/" -> "/course/03-http/01-products-api/"
// in a build with BASE=/course/), so authors write links once for any host.

interface Node {
  type: string;
  tagName?: string;
  properties?: Record<string, unknown>;
  children?: Node[];
}

const ATTRIBUTES: Record<string, string> = { a: "href", img: "src", source: "src" };

/** The plugin; `base` is Astro's base ("/" or "/course/"). */
export function rehypeBaseLinks(base: string) {
  const prefix = base.replace(/\/$/, "");
  return () => (tree: Node) => {
    if (prefix === "") return;
    const visit = (node: Node) => {
      const attribute = node.type === "element" && node.tagName ? ATTRIBUTES[node.tagName] : undefined;
      const value = attribute ? node.properties?.[attribute] : undefined;
      // "//host/x" is another host; a link already under the base is left alone.
      if (
        attribute &&
        typeof value === "string" &&
        value.startsWith("/") &&
        !value.startsWith("//") &&
        !value.startsWith(`${prefix}/`)
      ) {
        node.properties![attribute] = `${prefix}${value}`;
      }
      node.children?.forEach(visit);
    };
    visit(tree);
  };
}
