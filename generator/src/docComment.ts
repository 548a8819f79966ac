// JSDoc comments for emitted declarations.

/** Renders `text` as a JSDoc block (one line when short), or nothing when it is empty. */
export function docComment(text: string | undefined): string {
  const trimmed = (text ?? "").trim();
  if (trimmed.length === 0) {
    return "";
  }
  const lines = trimmed
    .replace(/\*\//g, "*\\/")
    .split(/\r?\n/)
    .map((line) => line.trimEnd());
  if (lines.length === 1) {
    return `/** ${lines[0]} */\n`;
  }
  return `/**\n${lines.map((line) => (line.length > 0 ? ` * ${line}` : " *")).join("\n")}\n */\n`;
}
