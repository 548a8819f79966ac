"use strict";
// Mocha's spec reporter, followed by the plain summary line that CI reads:
// "N passed, N failed", always the last line (a "N skipped" line comes just before it when tests
// were skipped, for example the comparisons with ../shared on a clone without it).
const Mocha = require("mocha");

class SummaryReporter extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    runner.on(Mocha.Runner.constants.EVENT_TEST_PASS, () => (passed += 1));
    runner.on(Mocha.Runner.constants.EVENT_TEST_FAIL, () => (failed += 1));
    runner.on(Mocha.Runner.constants.EVENT_TEST_PENDING, () => (skipped += 1));
    runner.once(Mocha.Runner.constants.EVENT_RUN_END, () => {
      // Printed after the spec reporter's epilogue (registered first).
      process.nextTick(() => {
        const skippedLine = skipped > 0 ? `${skipped} skipped\n` : "";
        process.stdout.write(`\n${skippedLine}${passed} passed, ${failed} failed\n`);
      });
    });
  }
}

module.exports = SummaryReporter;
