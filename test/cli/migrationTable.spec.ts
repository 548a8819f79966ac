// docs/migrating-from-powershell.md: every switch of the two scripts has a row, and every `arr`
// command in the table exists with the flags it names (checked against `arr <command> --help`).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { runCli } from "../../src/cli/main";
import type { CliIo } from "../../src/cli/cliIo";
import { repoRoot } from "./support/arrProcess";

/** The Param() blocks of the scripts (Azure/azure-remote-rendering, Scripts/), switch names only. */
const SCRIPT_SWITCHES: Readonly<Record<string, readonly string[]>> = {
  "RenderingSession.ps1": [
    "CreateSession",
    "GetSessionProperties",
    "GetSessions",
    "UpdateSession",
    "StopSession",
    "Poll",
    "Id",
    "ArrAccountId",
    "ArrAccountKey",
    "Region",
    "VmSize",
    "MaxLeaseTime",
    "AuthenticationEndpoint",
    "ServiceEndpoint",
    "ConfigFile",
    "AdditionalParameters",
  ],
  "Conversion.ps1": [
    "Upload",
    "ConvertAsset",
    "GetConversionStatus",
    "Poll",
    "UseContainerSas",
    "ConfigFile",
    "Id",
    "ArrAccountId",
    "ArrAccountKey",
    "Region",
    "ResourceGroup",
    "StorageAccountName",
    "BlobInputContainerName",
    "BlobOutputContainerName",
    "InputAssetPath",
    "InputFolderPath",
    "OutputFolderPath",
    "OutputAssetFileName",
    "LocalAssetDirectoryPath",
    "AuthenticationEndpoint",
    "ServiceEndpoint",
    "AdditionalParameters",
  ],
};

interface Row {
  script: string;
  switchName: string;
  equivalent: string;
}

function tableRows(): Row[] {
  const text = readFileSync(path.join(repoRoot, "docs", "migrating-from-powershell.md"), "utf8");
  const section = text.split("## Every switch")[1]?.split("\n## ")[0] ?? "";
  return section
    .split("\n")
    .filter((line) => /^\| (RenderingSession|Conversion)\.ps1/.test(line))
    .map((line) => {
      const [script = "", switchCell = "", equivalent = ""] = line
        .split("|")
        .slice(1)
        .map((cell) => cell.trim());
      return { script, switchName: switchCell.replace(/[`-]/g, ""), equivalent };
    });
}

async function help(args: string[]): Promise<string> {
  let out = "";
  const io: CliIo = {
    stdout: { write: (text: string) => ((out += text), true), isTTY: false } as unknown as CliIo["stdout"],
    stderr: { write: () => true, isTTY: false } as unknown as CliIo["stderr"],
    env: { NO_COLOR: "1" },
    onInterrupt: () => () => undefined,
  };
  const code = await runCli([...args, "--help"], io);
  assert.equal(code, 0, `arr ${args.join(" ")} --help`);
  return out;
}

/** The command path of an `arr ...` code span: the words before the first argument or flag. */
async function commandOf(span: string): Promise<{ path: string[]; flags: string[] }> {
  const words = span.split(/\s+/).slice(1);
  const commandPath: string[] = [];
  for (const word of words) {
    if (word.startsWith("-")) break;
    const candidate = [...commandPath, word];
    const text = await help(commandPath);
    if (!new RegExp(`^ {2}${word}\\b`, "m").test(text.split(/Commands:/)[1] ?? "")) break;
    commandPath.push(...candidate.slice(commandPath.length));
  }
  return { path: commandPath, flags: words.filter((word) => word.startsWith("--")) };
}

describe("docs/migrating-from-powershell.md", () => {
  const rows = tableRows();

  it("has a row for every switch of both scripts, and no row for a switch they do not have", () => {
    for (const [script, switches] of Object.entries(SCRIPT_SWITCHES)) {
      const documented = rows
        .filter((row) => row.script === script)
        .map((row) => row.switchName)
        .filter((name) => !name.startsWith("(none)"));
      assert.deepEqual([...documented].sort(), [...switches].sort(), script);
    }
  });

  it("names only arr commands and flags that exist (checked against --help)", async function () {
    this.timeout(60_000);
    for (const row of rows) {
      const spans = [...row.equivalent.matchAll(/`(arr [^`]+)`/g)].map((match) => match[1] ?? "");
      if (spans.length === 0) {
        assert.match(row.equivalent, /^not needed: /, `${row.script} -${row.switchName}`);
        continue;
      }
      for (const span of spans) {
        const { path: commandPath, flags } = await commandOf(span);
        assert.ok(commandPath.length > 0, `${span}: no such command`);
        assert.equal(
          commandPath.join(" "),
          span
            .split(/\s+/)
            .slice(1, 1 + commandPath.length)
            .join(" "),
        );
        const text = await help(commandPath);
        for (const flag of flags) {
          assert.match(
            text,
            new RegExp(`(^|[ ,])${flag}\\b`, "m"),
            `${span}: arr ${commandPath.join(" ")} has no ${flag}`,
          );
        }
        // A command group must be followed by one of its commands (`arr conversion fetch` is no command).
        assert.doesNotMatch(text, /^Commands:/m, `${span}: names no command of arr ${commandPath.join(" ")}`);
      }
    }
  });
});
