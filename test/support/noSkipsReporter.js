/**
 * Fails the run when any test was skipped or left as todo: a browser test that quietly skips
 * (Chromium missing, say) must not pass as green.
 */
class NoSkipsReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    if (skipped > 0) this.error = new Error(`${skipped} test(s) were skipped; Concord's suite allows none.`);
  }
  getLastError() {
    return this.error;
  }
}
module.exports = NoSkipsReporter;
