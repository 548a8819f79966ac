// Runs Azurite's blob service (npm `azurite`) as a child process next to the emulator: in memory
// (nothing is written to disk), telemetry off, on loopback, on a free port, and with
// --skipApiVersionCheck because @azure/storage-blob speaks a newer service version than Azurite
// knows. The child also ends when its parent goes away (the IPC channel closes), so no blob service
// is left running after a crash.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { packageRequire } from "./packageRequire.js";

export interface AzuriteProcess {
  /** Origin of the blob service, such as http://127.0.0.1:41077. */
  readonly origin: string;
  readonly pid: number | undefined;
  /** Stops the child (SIGTERM, then SIGKILL after 5 seconds); resolves once it has exited. */
  close(): Promise<void>;
}

const READY_LINE = /successfully listens on (https?:\/\/\S+)/;
const START_TIMEOUT_IN_MS = 30_000;

/** Where Azurite's blob entry is: resolved next to this package, in both module formats. */
function azuriteBlobEntry(): string {
  const manifest = packageRequire.resolve("azurite/package.json");
  return path.join(path.dirname(manifest), "dist", "src", "blob", "main.js");
}

/** The launcher: end with the parent, then run Azurite's blob entry with our flags in argv. */
function launcherCode(entry: string): string {
  return [
    'process.on("disconnect", () => process.exit(0));',
    "process.channel?.unref();",
    'process.argv.splice(1, 0, "azurite-blob");',
    `require(${JSON.stringify(entry)});`,
  ].join("\n");
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once("exit", () => resolve()));
}

/** Starts Azurite's blob service on `host` (loopback by default) and resolves once it listens. */
export async function startAzurite(host = "127.0.0.1"): Promise<AzuriteProcess> {
  const args = [
    "--blobHost",
    host,
    "--blobPort",
    "0",
    "--inMemoryPersistence",
    "--skipApiVersionCheck",
    "--disableTelemetry",
    "--silent",
  ];
  const child = spawn(process.execPath, ["-e", launcherCode(azuriteBlobEntry()), "--", ...args], {
    stdio: ["ignore", "pipe", "pipe", "ipc"],
    windowsHide: true,
  });
  let output = "";
  const origin = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => fail(new Error("Azurite did not start within 30 seconds.")),
      START_TIMEOUT_IN_MS,
    );
    const onData = (chunk: Buffer): void => {
      output = (output + chunk.toString("utf8")).slice(-4000);
      const match = READY_LINE.exec(output);
      if (match?.[1] !== undefined) {
        clearTimeout(timer);
        resolve(match[1].replace(/\/+$/, ""));
      }
    };
    const fail = (error: Error): void => {
      clearTimeout(timer);
      child.kill("SIGKILL");
      reject(error);
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("error", (error) => fail(new Error(`Azurite could not be started: ${error.message}`)));
    child.once("exit", (code, signal) =>
      fail(new Error(`Azurite exited before listening (${signal ?? `code ${code}`}): ${output.trim()}`)),
    );
  });
  // Keep draining the pipes so the child never blocks on a full buffer.
  child.stdout?.resume();
  child.stderr?.resume();
  child.removeAllListeners("exit");
  let closing: Promise<void> | undefined;
  return {
    origin,
    pid: child.pid,
    close: () =>
      (closing ??= (async () => {
        const done = exited(child);
        child.kill("SIGTERM");
        const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
        await done;
        clearTimeout(timer);
      })()),
  };
}
