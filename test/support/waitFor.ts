/** Polls until a condition holds, failing with the last observed value after a timeout. */
export async function waitFor<T>(
  probe: () => T | Promise<T>,
  accept: (value: T) => boolean = Boolean,
  { timeoutMs = 5000, intervalMs = 10, what = "condition" } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T;
  for (;;) {
    last = await probe();
    if (accept(last)) return last;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}; last value: ${JSON.stringify(last)}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
