// Decides how much decoration a stream gets: colour only on a terminal and without NO_COLOR
// (https://no-color.org), live progress lines (spinner, rewritten line) only on a terminal.
export interface StyledStream {
  readonly isTTY?: boolean;
}

export interface TerminalStyle {
  /** ANSI colours and bold text. */
  readonly color: boolean;
  /** A progress line rewritten in place, with a spinner. */
  readonly live: boolean;
}

export function terminalStyle(
  stream: StyledStream,
  env: Readonly<Record<string, string | undefined>>,
): TerminalStyle {
  const terminal = stream.isTTY === true && env.TERM !== "dumb";
  const noColor = env.NO_COLOR !== undefined && env.NO_COLOR !== "";
  return { color: terminal && !noColor, live: terminal };
}

const CODES = { bold: [1, 22], dim: [2, 22], red: [31, 39], green: [32, 39], yellow: [33, 39] } as const;

export type Paint = keyof typeof CODES;

/** Wraps text in an ANSI style when the stream takes colour; returns it unchanged otherwise. */
export function paint(style: TerminalStyle, kind: Paint, text: string): string {
  if (!style.color) return text;
  const [open, close] = CODES[kind];
  return `\u001b[${open}m${text}\u001b[${close}m`;
}
