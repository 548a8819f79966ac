// What the reliability tests share beyond their emulator: a line that reports what a scenario
// measured (the README's Reliability table quotes these), and the switch that lets a test's loopback
// traffic bypass nock.
import nock from "nock";

/** Prints one measured figure; the spec reporter shows it just above the test's title. */
export function report(line: string): void {
  process.stdout.write(`      measured: ${line}\n`);
}

/**
 * Turns nock's request interception off for the enclosing `describe` and back on after it. nock
 * (through @mswjs/interceptors) wraps every http request and costs about four times the work of a
 * loopback request; the heavy scenarios talk only to loopback servers they start themselves.
 */
export function withoutNockInterception(): void {
  before(() => nock.restore());
  after(() => nock.activate());
}
