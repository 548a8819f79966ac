// `arr regions [--probe]`: the service's regions and endpoints; with --probe, the measured round
// trip to each, closest first (sessions are best created in the closest region).
import { readFileSync } from "node:fs";
import { InvalidArgumentError, type Command } from "commander";
import type { RegionProbe, RemoteRenderingRegion } from "../../index.js";
import { UsageError } from "../cliErrors.js";
import type { CommandContext } from "../commandContext.js";
import { ExitCode } from "../exitCodes.js";
import { formatTable } from "../output/formatTable.js";
import type { ActionFactory } from "../commandContext.js";
import { clientLibrary } from "../lazyModules.js";

interface RegionsOptions {
  probe?: boolean;
  timeout: number;
  samples: number;
  concurrency: number;
  regionsFile?: string;
}

function integerFrom(min: number, max: number): (value: string) => number {
  return (value) => {
    const n = /^\d+$/.test(value.trim()) ? Number(value) : Number.NaN;
    if (!(n >= min && n <= max))
      throw new InvalidArgumentError(`Expected a whole number from ${min} to ${max}.`);
    return n;
  };
}

export function registerRegionsCommand(program: Command, action: ActionFactory): void {
  program
    .command("regions")
    .description(
      "list the service's regions and endpoints; --probe measures the round trip to each, closest first",
    )
    .option(
      "--probe",
      "measure the round-trip time to each region (in parallel, bounded) and sort closest first",
    )
    .option("--timeout <ms>", "longest wait for one request while probing", integerFrom(1, 60_000), 3000)
    .option("--samples <n>", "timed requests per region while probing", integerFrom(1, 20), 3)
    .option("--concurrency <n>", "regions probed at the same time", integerFrom(1, 64), 4)
    .option(
      "--regions-file <file>",
      'JSON list of { "name", "endpoint" } to use instead of the built-in regions',
    )
    .action(action((context) => regions(context)));
}

function readRegionsFile(file: string): RemoteRenderingRegion[] {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new UsageError(`--regions-file ${file}: ${(error as Error).message}`);
  }
  const valid =
    Array.isArray(value) &&
    value.length > 0 &&
    value.every(
      (r: unknown) =>
        typeof r === "object" &&
        r !== null &&
        typeof (r as { name?: unknown }).name === "string" &&
        typeof (r as { endpoint?: unknown }).endpoint === "string",
    );
  if (!valid)
    throw new UsageError(
      `--regions-file ${file}: expected a non-empty JSON array of { "name", "endpoint" }.`,
    );
  return (value as { name: string; endpoint: string; displayName?: unknown }[]).map((r) => ({
    name: r.name,
    endpoint: r.endpoint,
    displayName: typeof r.displayName === "string" ? r.displayName : r.name,
  }));
}

async function regions(context: CommandContext): Promise<ExitCode> {
  const options = context.local<RegionsOptions>();
  const list =
    options.regionsFile !== undefined
      ? readRegionsFile(options.regionsFile)
      : clientLibrary().remoteRenderingRegions;
  if (options.probe !== true) {
    if (context.json) context.printJson(list);
    else
      context.print(
        formatTable(
          ["REGION", "LOCATION", "ENDPOINT"],
          list.map((r) => [r.name, r.displayName, r.endpoint]),
          context.stdoutStyle,
        ),
      );
    return ExitCode.Success;
  }

  const interrupt = new AbortController();
  const removeHandler = context.onInterrupt(() => interrupt.abort());
  const progress = context.progress();
  progress.update(`Measuring the round trip to ${list.length} region${list.length === 1 ? "" : "s"}`);
  let result;
  try {
    result = await clientLibrary().findClosestRegion({
      regions: list,
      timeoutInMs: options.timeout,
      samplesPerRegion: options.samples,
      maxConcurrency: options.concurrency,
      abortSignal: interrupt.signal,
    });
  } catch (error) {
    if (error instanceof TypeError || error instanceof RangeError) {
      throw new UsageError(`--regions-file ${options.regionsFile ?? ""}: ${error.message}`);
    }
    if (interrupt.signal.aborted) {
      progress.stop();
      context.note("Interrupted: stopped measuring.");
      return ExitCode.Interrupted;
    }
    throw error;
  } finally {
    progress.stop();
    removeHandler();
  }

  if (context.json) {
    context.printJson({ closest: result.closest?.name ?? null, probes: result.probes });
  } else {
    const rows = result.probes.map((p: RegionProbe) => [
      p.name,
      p.reachable ? `${p.roundTripInMs.toFixed(1)} ms` : "unreachable",
      p.reachable ? p.endpoint : `${p.endpoint} (${p.error})`,
    ]);
    context.print(formatTable(["REGION", "ROUND TRIP", "ENDPOINT"], rows, context.stdoutStyle));
    if (result.closest !== undefined) {
      context.note(
        `Closest: ${result.closest.name}. Create sessions there with --region ${result.closest.name}.`,
      );
    }
  }
  if (result.closest === undefined) {
    context.note("No region answered.");
    return ExitCode.ServiceError;
  }
  return ExitCode.Success;
}
