// Path templates as regular expressions, for emitted helpers that recognize an operation by the URL
// of a response (polling defaults, paging names).

/** An end-anchored pattern source for a path template: `{name}` matches one segment. */
export function pathPattern(template: string): string {
  return (
    template
      .split(/\{[^}]+\}/)
      .map((part) => part.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&"))
      .join("[^/]+") + "$"
  );
}
