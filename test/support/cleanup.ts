/**
 * Teardown registered from inside a test: servers, clients and folders a test creates are closed
 * after that test, last created first, even when it fails.
 */
type Cleanup = () => unknown;

const cleanups: Cleanup[] = [];

/** Runs `fn` after the current test. */
export function onTestEnd(fn: Cleanup): void {
  cleanups.push(fn);
}

afterEach(async () => {
  const failures: unknown[] = [];
  while (cleanups.length > 0) {
    const fn = cleanups.pop()!;
    try {
      await fn();
    } catch (error) {
      failures.push(error);
    }
  }
  // Every cleanup runs first; then the first failure (a page that threw, say) fails the test.
  if (failures.length > 0) throw failures[0];
});
