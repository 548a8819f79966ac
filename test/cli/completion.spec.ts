// `arr completion`: the bash script completes commands and flags at each level (run in a real bash),
// zsh reuses it through bashcompinit, and fish gets one `complete` line per command and flag.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import type { CliIo } from "../../src/cli/cliIo";
import { runCli } from "../../src/cli/main";

async function arr(args: string[]): Promise<{ code: number; stdout: string }> {
  let stdout = "";
  const io: CliIo = {
    stdout: { write: (text: string) => ((stdout += text), true), isTTY: false } as unknown as CliIo["stdout"],
    stderr: { write: () => true, isTTY: false } as unknown as CliIo["stderr"],
    env: {},
    onInterrupt: () => () => undefined,
  };
  const code = await runCli(args, io);
  return { code, stdout };
}

function complete(script: string, words: string[]): string[] {
  const program = `${script}\nCOMP_WORDS=(${words.map((w) => `'${w}'`).join(" ")}); COMP_CWORD=${words.length - 1}; _arr_completion; printf '%s\\n' "\${COMPREPLY[@]}"`;
  return execFileSync("bash", ["-c", program], { encoding: "utf8" })
    .split("\n")
    .filter((line) => line !== "");
}

describe("arr completion", () => {
  it("completes commands, subcommands and flags in bash", async () => {
    const { code, stdout } = await arr(["completion", "bash"]);
    assert.equal(code, 0);
    assert.match(stdout, /complete -o default -F _arr_completion arr/);
    assert.deepEqual(complete(stdout, ["arr", "se"]), ["session"]);
    assert.deepEqual(complete(stdout, ["arr", "session", "st"]).sort(), ["start", "stop"]);
    assert.deepEqual(complete(stdout, ["arr", "session", "update", "s1", "--le"]), ["--lease"]);
    assert.ok(complete(stdout, ["arr", "conversion", "start", "--input"]).includes("--input-asset"));
    assert.ok(complete(stdout, ["arr", "emulator", "--"]).includes("--no-storage"));
    assert.ok(
      complete(stdout, ["arr", "session", "list", "--acc"]).includes("--account-id"),
      "global flags too",
    );
  });

  it("prints a zsh script built on bashcompinit and a fish script", async () => {
    const zsh = await arr(["completion", "zsh"]);
    assert.equal(zsh.code, 0);
    assert.match(zsh.stdout, /^# arr completion for zsh\nautoload -U \+X bashcompinit && bashcompinit\n/);
    const fish = await arr(["completion", "fish"]);
    assert.equal(fish.code, 0);
    assert.match(
      fish.stdout,
      /complete -c arr -n '__fish_seen_subcommand_from session; and not __fish_seen_subcommand_from [^']*' -a wait/,
    );
    assert.match(
      fish.stdout,
      /complete -c arr -n '__fish_seen_subcommand_from conversion; and __fish_seen_subcommand_from download' -l to/,
    );
  });
});
