// Waiting for a conversion with a progress line, for `arr conversion start` (on the poller that
// created it) and `arr conversion wait ID` (on a poller attached to an existing conversion). Exit
// codes as for start: 0 Succeeded, 4 Failed or Cancelled, 130 interrupted (the conversion goes on).
import type { AssetConversion, AssetConversionPollerLike, SucceededAssetConversion } from "../../index.js";
import { OperationFailedError } from "../cliErrors.js";
import type { CommandContext } from "../commandContext.js";
import { ExitCode } from "../exitCodes.js";
import { conversionView, formatConversion } from "../output/conversionView.js";
import { followUpCommand } from "./followUpCommand.js";
import { outputSignerFor } from "../storage/conversionUpload.js";

/** Signs a read-only URL of the produced asset; undefined when no credential can. */
export type OutputSigner = (conversion: SucceededAssetConversion) => Promise<string | undefined>;

export interface ConversionWait {
  readonly conversionId: string;
  readonly poller: AssetConversionPollerLike;
  /** Aborted by Ctrl-C; the poller was created with it. */
  readonly interrupt: AbortController;
  readonly signOutput?: OutputSigner | undefined;
}

export async function waitOnConversion(context: CommandContext, wait: ConversionWait): Promise<ExitCode> {
  const { conversionId, poller, interrupt } = wait;
  const progress = context.progress();
  poller.onProgress((state) => {
    if (state.latestResponse) progress.update(`Conversion ${conversionId}: ${state.latestResponse.status}`);
  });
  try {
    progress.update(
      `Conversion ${conversionId}: ${poller.operationState?.latestResponse?.status ?? "waiting"}`,
    );
    const done = await poller.pollUntilDone({ abortSignal: interrupt.signal });
    progress.stop();
    await printConversion(context, done, wait.signOutput);
    return ExitCode.Success;
  } catch (error) {
    progress.stop();
    if (interrupt.signal.aborted) {
      const check = followUpCommand(context, "conversion get", conversionId);
      if (context.json) context.printJson({ id: conversionId, interrupted: true, checkCommand: check });
      context.note(
        `Interrupted: stopped waiting; conversion ${conversionId} goes on. Check on it with:\n  ${check}`,
      );
      return ExitCode.Interrupted;
    }
    if (poller.operationState?.status === "failed") {
      throw new OperationFailedError(
        `Conversion ${conversionId} did not succeed: ${(error as Error).message}`,
        error,
      );
    }
    throw error;
  } finally {
    progress.stop();
  }
}

/** Prints a conversion; for a succeeded one with a signer, also the asset's SAS URL. */
export async function printConversion(
  context: CommandContext,
  conversion: AssetConversion,
  signOutput?: OutputSigner,
): Promise<void> {
  const view = conversionView(conversion);
  if (conversion.status === "Succeeded" && signOutput !== undefined) {
    const url = await signOutput(conversion).catch((error: unknown) => {
      context.note(`Could not sign a URL for the output asset: ${(error as Error).message}`);
      return undefined;
    });
    if (url !== undefined) view.outputAssetSasUrl = url;
  }
  if (context.json) context.printJson(view);
  else context.print(formatConversion(view, context.stdoutStyle));
}

/** `arr conversion wait ID`: attaches to an existing conversion and waits for it to end. */
export async function waitConversion(context: CommandContext, conversionId: string): Promise<ExitCode> {
  const { pollInterval } = context.local<{ pollInterval?: number }>();
  const connection = await context.connect();
  const interrupt = new AbortController();
  const removeHandler = context.onInterrupt(() => interrupt.abort());
  try {
    // Reads it once first: an unknown id is a service error (404), not an endless wait.
    await connection.client.getConversion(conversionId, { abortSignal: interrupt.signal });
    const poller = connection.client.getConversionPoller(conversionId, {
      abortSignal: interrupt.signal,
      ...(pollInterval !== undefined ? { intervalInMs: pollInterval * 1000 } : {}),
    });
    return await waitOnConversion(context, {
      conversionId,
      poller,
      interrupt,
      signOutput: outputSignerFor(context, connection, {}),
    });
  } finally {
    removeHandler();
    await connection.close();
  }
}
