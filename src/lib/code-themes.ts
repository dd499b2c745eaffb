// Shiki's themes for every code block, light and dark. GitHub's "default"
// themes (Primer's accessible palette) keep every token at 4.5:1 or more on
// their background; the older github-light/github-dark did not (orange
// #e36209 is 3.5:1 on white, comments #6a737d are 3.05:1 on #24292e).

/** The light and dark Shiki themes of the site's code blocks. */
export const CODE_THEMES = { light: "github-light-default", dark: "github-dark-default" } as const;
