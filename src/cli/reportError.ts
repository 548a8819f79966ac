// Turns any error a command raised into a message on stderr and an exit code. Service errors carry
// the service's error code and the MS-CV correlation vector, which support needs to trace a call.
import { CommanderError } from "commander";
import { ExitCode } from "./exitCodes.js";
import { paint, type TerminalStyle } from "./output/terminalStyle.js";

/** Errors of @azure/identity meaning no credential could be obtained. */
const CREDENTIAL_ERRORS = [
  "CredentialUnavailableError",
  "AuthenticationError",
  "AggregateAuthenticationError",
];

/** What is reported about a failure, in text and in --json mode. */
export interface ErrorReport {
  readonly exitCode: ExitCode;
  readonly message: string;
  readonly code?: string;
  readonly statusCode?: number;
  readonly msCv?: string;
}

/** The RestError shape of @azure/core-rest-pipeline, checked without loading that package. */
interface RestErrorLike extends Error {
  code?: string;
  statusCode?: number;
  details?: unknown;
  response?: { headers: { get(name: string): string | undefined } };
}

function isRestError(error: unknown): error is RestErrorLike {
  return error instanceof Error && error.name === "RestError";
}

function field(source: unknown, key: string): unknown {
  return typeof source === "object" && source !== null ? (source as Record<string, unknown>)[key] : undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

/** Classifies an error: usage, service, failed operation, interruption or unexpected. */
export function describeError(error: unknown): ErrorReport {
  if (error instanceof CommanderError) {
    return { exitCode: ExitCode.Usage, message: error.message.replace(/^error: /, "") };
  }
  const declared = field(error, "exitCode");
  const message = error instanceof Error ? error.message : String(error);
  if (typeof declared === "number" && error instanceof Error) {
    const code = text(field(error, "code"));
    const msCv = text(field(error, "msCv"));
    return { exitCode: declared as ExitCode, message, ...(code ? { code } : {}), ...(msCv ? { msCv } : {}) };
  }
  if (isRestError(error)) {
    const code = text(error.code);
    const msCv = text(field(error.details, "msCv")) ?? text(error.response?.headers.get("ms-cv"));
    return {
      exitCode: ExitCode.ServiceError,
      message,
      ...(code ? { code } : {}),
      ...(error.statusCode !== undefined ? { statusCode: error.statusCode } : {}),
      ...(msCv ? { msCv } : {}),
    };
  }
  if (error instanceof Error && error.name === "RemoteRenderingServiceError") {
    const code = text(field(error, "code"));
    const msCv = text(field(error, "msCv"));
    return {
      exitCode: ExitCode.OperationFailed,
      message,
      ...(code ? { code } : {}),
      ...(msCv ? { msCv } : {}),
    };
  }
  if (error instanceof Error && error.name === "AbortError") {
    return { exitCode: ExitCode.Interrupted, message };
  }
  if (error instanceof Error && CREDENTIAL_ERRORS.includes(error.name)) {
    return {
      exitCode: ExitCode.Usage,
      message:
        `No usable Microsoft Entra ID credential (no account key was given): ${message.split("\n")[0]} ` +
        "Give an account key (--account-key or ARR_ACCOUNT_KEY) or sign in (for example with az login).",
    };
  }
  return {
    exitCode: ExitCode.Unexpected,
    message: error instanceof Error && error.stack ? error.stack : message,
  };
}

/** The text written to stderr for a report. */
export function formatErrorReport(report: ErrorReport, style: TerminalStyle): string {
  const lines = [`${paint(style, "red", "error:")} ${report.message}`];
  const facts: string[] = [];
  if (report.code !== undefined) facts.push(`code: ${report.code}`);
  if (report.statusCode !== undefined) facts.push(`HTTP status: ${report.statusCode}`);
  if (report.msCv !== undefined) facts.push(`MS-CV: ${report.msCv}`);
  for (const fact of facts) lines.push(`  ${fact}`);
  return lines.join("\n") + "\n";
}

/** The JSON written to stderr for a report in --json mode. */
export function errorReportJson(report: ErrorReport): string {
  return JSON.stringify({ error: report }) + "\n";
}
