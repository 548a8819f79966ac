// `arr completion <bash|zsh|fish>`: prints a shell completion script for the command tree (commands
// and their flags), built from the same definitions as --help so it never falls behind.
import { Argument, type Command } from "commander";
import type { ActionFactory, CommandContext } from "../commandContext.js";
import { commandPath } from "../helpExamples.js";

export const COMPLETION_SHELLS = ["bash", "zsh", "fish"] as const;
type Shell = (typeof COMPLETION_SHELLS)[number];

interface CompletionEntry {
  /** "" for the root, else e.g. "session start". */
  path: string;
  subcommands: string[];
  flags: string[];
}

/** Every command with its subcommands and long flags (global flags on the root's entry). */
export function completionEntries(root: Command): CompletionEntry[] {
  const entries: CompletionEntry[] = [];
  const visit = (command: Command): void => {
    const flags = command.options.map((option) => option.long).filter((flag): flag is string => !!flag);
    entries.push({
      path: command === root ? "" : commandPath(command),
      subcommands: command.commands.map((child) => child.name()),
      flags: [...flags, "--help"],
    });
    command.commands.forEach(visit);
  };
  visit(root);
  return entries;
}

function bashScript(entries: CompletionEntry[]): string {
  const globals = entries.find((entry) => entry.path === "")?.flags ?? [];
  const table = entries
    .map((entry) => {
      const words =
        entry.path === ""
          ? [...entry.subcommands, ...globals]
          : [...entry.subcommands, ...entry.flags, ...globals];
      // Keys start with "arr": bash arrays cannot have an empty key.
      return `  ["${entry.path === "" ? "arr" : `arr ${entry.path}`}"]="${[...new Set(words)].join(" ")}"`;
    })
    .join("\n");
  return `# arr completion for bash (and zsh through bashcompinit)
declare -gA _arr_completion_words=(
${table}
)
_arr_completion() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" path="arr" candidate i
  for ((i = 1; i < COMP_CWORD; i++)); do
    case "\${COMP_WORDS[i]}" in
      -*) ;;
      *)
        candidate="$path \${COMP_WORDS[i]}"
        if [[ -n "\${_arr_completion_words[$candidate]+x}" ]]; then path="$candidate"; fi
        ;;
    esac
  done
  COMPREPLY=($(compgen -W "\${_arr_completion_words[$path]}" -- "$cur"))
}
complete -o default -F _arr_completion arr
`;
}

function fishScript(entries: CompletionEntry[]): string {
  const lines = ["# arr completion for fish", "complete -c arr -f"];
  for (const entry of entries) {
    const words = entry.path === "" ? [] : entry.path.split(" ");
    const children = entry.subcommands.join(" ");
    const condition =
      words.length === 0
        ? `not __fish_seen_subcommand_from ${entries.find((e) => e.path === "")?.subcommands.join(" ") ?? ""}`
        : words.map((word) => `__fish_seen_subcommand_from ${word}`).join("; and ") +
          (children === "" ? "" : `; and not __fish_seen_subcommand_from ${children}`);
    for (const child of entry.subcommands) lines.push(`complete -c arr -n '${condition}' -a ${child}`);
    for (const flag of entry.flags) lines.push(`complete -c arr -n '${condition}' -l ${flag.slice(2)}`);
  }
  return lines.join("\n") + "\n";
}

export function completionScript(root: Command, shell: Shell): string {
  const entries = completionEntries(root);
  if (shell === "fish") return fishScript(entries);
  const bash = bashScript(entries);
  if (shell === "bash") return bash;
  return `# arr completion for zsh\nautoload -U +X bashcompinit && bashcompinit\n${bash.replace(/^# .*\n/, "")}`;
}

export function registerCompletionCommand(program: Command, action: ActionFactory): void {
  program
    .command("completion")
    .description("print a shell completion script; e.g. add `source <(arr completion bash)` to ~/.bashrc")
    .addArgument(new Argument("<shell>", "the shell").choices(COMPLETION_SHELLS))
    .action(
      action(async (context: CommandContext, shell) => {
        context.print(completionScript(program, shell as Shell));
      }),
    );
}
