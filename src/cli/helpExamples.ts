// One or more examples for every command's --help, in one table so that a test can check that no
// command lacks one. Examples run against the local emulator when no account is configured.
import type { Command } from "commander";

export const COMMAND_EXAMPLES: Readonly<Record<string, readonly string[]>> = {
  "session start": [
    "arr session start --size standard --lease 01:30:00",
    "arr session start --id demo --no-wait --json",
  ],
  "session get": ["arr session get demo"],
  "session list": ["arr session list --json"],
  "session wait": ["arr session wait demo", "arr session wait demo --poll-interval 5"],
  "session update": ["arr session update demo --lease 02:00:00", "arr session update demo --lease 150"],
  "session stop": ["arr session stop demo", "arr session stop --all"],
  "session extend": ["arr session extend demo --by 30"],
  "session keep-alive": ["arr session keep-alive demo --every 5 --stop-on-exit"],
  "conversion start": [
    "arr conversion start --input ./models --input-asset robot.fbx",
    "arr conversion start --input ./robot.fbx --json",
    "arr conversion start --input-container https://acct.blob.core.windows.net/in --input-asset robot.fbx \\\n" +
      "      --output-container https://acct.blob.core.windows.net/out",
  ],
  "conversion upload": ["arr conversion upload --input ./models --blob-prefix robots"],
  "conversion get": ["arr conversion get 0b6e0d4e-3f43-4c0c-a0f5-1d3f2a5c8f10"],
  "conversion list": ["arr conversion list --json"],
  "conversion wait": ["arr conversion wait my-conversion"],
  "conversion download": ["arr conversion download my-conversion --to ./converted"],
  emulator: [
    "arr emulator",
    "arr emulator --port 0 --data arr-state.json --clock-speed 60",
    "arr emulator --no-storage --quiet",
  ],
  regions: ["arr regions", "arr regions --probe --json"],
  completion: ["arr completion bash > ~/.arr-completion.bash && source ~/.arr-completion.bash"],
};

/** The path of a command below the root, e.g. "session start". */
export function commandPath(command: Command): string {
  const names: string[] = [];
  for (let current: Command | null = command; current?.parent != null; current = current.parent) {
    names.unshift(current.name());
  }
  return names.join(" ");
}

/** Adds "Examples:" to the help of every command listed in COMMAND_EXAMPLES, below `root`. */
export function addHelpExamples(root: Command): void {
  const visit = (command: Command): void => {
    const examples = COMMAND_EXAMPLES[commandPath(command)];
    if (examples !== undefined) {
      command.addHelpText("after", `\nExamples:\n${examples.map((line) => `  $ ${line}`).join("\n")}\n`);
    }
    command.commands.forEach(visit);
  };
  root.commands.forEach(visit);
}
