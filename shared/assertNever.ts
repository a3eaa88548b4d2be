/** Ends an exhaustive `switch`: the compiler proves it unreachable, and at run time it names the bad value. */
export function assertNever(value: never): never {
  throw new RangeError(`Unexpected value: ${JSON.stringify(value)}`);
}
