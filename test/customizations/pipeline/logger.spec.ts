// The HTTP logging options of the client's pipelines: credential headers are never allowed, and
// with the client's secrets every log line is redacted (a response header may echo a token).
import assert from "node:assert/strict";
import { AzureLogger, getLogLevel, setLogLevel, type AzureLogLevel } from "@azure/logger";
import { logger, redactingLogger, safeLoggingOptions } from "../../../src/customizations/pipeline/logger";

describe("pipeline logging options", () => {
  const lines: string[] = [];
  const originalLog = AzureLogger.log;
  let previousLevel: AzureLogLevel | undefined;
  beforeEach(() => {
    lines.length = 0;
    previousLevel = getLogLevel();
    AzureLogger.log = (...args: unknown[]) => void lines.push(args.map(String).join(" "));
  });
  afterEach(() => {
    AzureLogger.log = originalLog;
    setLogLevel(previousLevel);
  });

  it("drops Authorization from the allowed headers and keeps the caller's others", () => {
    const options = safeLoggingOptions({ additionalAllowedHeaderNames: ["authorization", "X-Trace"] });
    assert.deepEqual(options.additionalAllowedHeaderNames, ["X-Trace", "MS-CV", "X-MRC-CV"]);
    assert.equal(options.logger, undefined, "no logger without secrets");
  });

  it("redacts the current secrets from every line, and is enabled exactly when its base is", () => {
    let secrets = ["first-token-value"];
    const options = safeLoggingOptions(undefined, () => secrets);
    const log = options.logger;
    assert.ok(log !== undefined);
    setLogLevel("warning");
    assert.equal(log.enabled, false);
    setLogLevel("info");
    assert.equal(log.enabled, logger.info.enabled);
    assert.equal(log.enabled, true);
    log('Headers: {"www-authenticate": "Bearer error=\\"first-token-value\\""}');
    secrets = ["second-token-value"];
    log("first-token-value second-token-value");
    assert.equal(lines.length, 2);
    assert.ok(!lines[0]?.includes("first-token-value"), lines[0]);
    assert.match(lines[0] ?? "", /\[REDACTED\]/);
    assert.match(lines[1] ?? "", /first-token-value \[REDACTED\]$/);
    assert.equal(log.namespace, logger.info.namespace);
    assert.equal(typeof redactingLogger(logger.info, () => []).destroy, "function");
  });
});
