/**
 * The structural check every record passes before its JSON Schema: only plain JSON, shallow and
 * small enough. A schema cannot see prototypes, so this is where hostile shapes are caught.
 */

/** Largest record accepted, in bytes of its UTF-8 JSON. */
export const MAX_RECORD_BYTES = 64 * 1024;

/**
 * Largest record the server writes itself (a published revision's numbers: a 20,000-block draft),
 * in bytes: the limit above bounds what a client may make every reader download, not the server.
 */
export const MAX_SERVER_RECORD_BYTES = 2 * 1024 * 1024;

/**
 * Largest contribution record (every version of a statement and its translation), in bytes: it
 * lives in the `contributions` room, which only those who read contributions join, so a long
 * statement costs the readers of the text nothing.
 */
export const MAX_CONTRIBUTION_BYTES = 1024 * 1024;

/** Deepest nesting of objects and arrays accepted; the record itself is level 1. */
export const MAX_RECORD_DEPTH = 8;

/** Longest piece of caller-supplied text (a key, a path) echoed in a reason. */
const MAX_ECHO = 80;

/**
 * Keys refused anywhere. Yjs decodes an object with `obj[key] = …`, so `__proto__` in hostile bytes
 * swaps the prototype (caught by the prototype check), while an own `__proto__` (JSON.parse makes
 * one) would do the same to any later `Object.assign` or spread; the others poison code that walks
 * `constructor.prototype`.
 */
const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

const utf8 = new TextEncoder();

/** Shortens caller-supplied text for a reason, so a huge key or value never ends up in a log. */
export function truncateForReason(text: string): string {
  return text.length <= MAX_ECHO ? text : `${text.slice(0, MAX_ECHO - 1)}…`;
}

/** Names a place inside a record the way reasons do: `.anchor.pid`, `.pids[3]`, `["odd key"]`. */
export function formatPath(segments: ReadonlyArray<string | number>): string {
  const text = segments
    .map((segment) =>
      typeof segment === "number" ? `[${segment}]` : IDENTIFIER.test(segment) ? `.${segment}` : `[${JSON.stringify(segment)}]`,
    )
    .join("");
  return truncateForReason(text);
}

function at(path: ReadonlyArray<string | number>): string {
  return path.length === 0 ? "at the top level" : `at ${formatPath(path)}`;
}

/** Running lower bound of the JSON size, so a huge value is refused before it is serialized. */
interface Budget {
  bytes: number;
  most: number;
}

function checkValue(value: unknown, path: Array<string | number>, depth: number, budget: Budget): string | null {
  switch (typeof value) {
    case "string":
      budget.bytes += value.length + 2;
      return budget.bytes > budget.most ? `record: larger than ${budget.most} bytes` : null;
    case "boolean":
      budget.bytes += 4;
      return null;
    case "number":
      budget.bytes += 1;
      return Number.isFinite(value) ? null : `record: ${String(value)} is not a finite number ${at(path)}`;
    case "object":
      if (value === null) {
        budget.bytes += 4;
        return null;
      }
      if (depth >= MAX_RECORD_DEPTH) return `record: nested deeper than ${MAX_RECORD_DEPTH} levels ${at(path)}`;
      return Array.isArray(value) ? checkArray(value, path, depth + 1, budget) : checkObject(value, path, depth + 1, budget);
    default:
      return `record: ${typeof value} is not a JSON value ${at(path)}`;
  }
}

function checkArray(array: unknown[], path: Array<string | number>, depth: number, budget: Budget): string | null {
  if (Object.getPrototypeOf(array) !== Array.prototype) return `record: prototype is not a plain array ${at(path)}`;
  // An own `length` plus one own data property per index: anything else is a hole or an extra key.
  if (Reflect.ownKeys(array).length !== array.length + 1) return `record: array has holes or extra properties ${at(path)}`;
  budget.bytes += 2;
  for (let index = 0; index < array.length; index++) {
    const descriptor = Object.getOwnPropertyDescriptor(array, index);
    if (!descriptor || !("value" in descriptor)) return `record: array has holes or accessors ${at(path)}`;
    path.push(index);
    const problem = checkValue(descriptor.value, path, depth, budget);
    path.pop();
    if (problem) return problem;
    budget.bytes += 1;
  }
  return null;
}

function checkObject(object: object, path: Array<string | number>, depth: number, budget: Budget): string | null {
  if (Object.getPrototypeOf(object) !== Object.prototype) return `record: prototype is not a plain object ${at(path)}`;
  budget.bytes += 2;
  for (const key of Reflect.ownKeys(object)) {
    if (typeof key === "symbol") return `record: symbol key ${at(path)}`;
    path.push(key);
    if (FORBIDDEN_KEYS.has(key)) return `record: forbidden key ${JSON.stringify(key)} ${at(path)}`;
    // Read the descriptor, never the property: a getter could run code or answer differently later.
    const descriptor = Object.getOwnPropertyDescriptor(object, key)!;
    if (!("value" in descriptor)) return `record: accessor property ${at(path)}`;
    if (!descriptor.enumerable) return `record: non-enumerable property ${at(path)}`;
    budget.bytes += key.length + 4;
    const problem = checkValue(descriptor.value, path, depth, budget);
    path.pop();
    if (problem) return problem;
  }
  return null;
}

/**
 * Checks that `value` is plain JSON a record may hold: null, booleans, finite numbers, strings,
 * arrays and objects whose prototypes are exactly `Array.prototype` / `Object.prototype`, no
 * `__proto__`/`constructor`/`prototype` keys, at most {@link MAX_RECORD_DEPTH} levels deep and
 * `maxBytes` (by default {@link MAX_RECORD_BYTES}) bytes as UTF-8 JSON. Returns the reason it is not,
 * or null. Never throws, even on proxies.
 */
export function checkPlainJson(value: unknown, maxBytes = MAX_RECORD_BYTES): string | null {
  try {
    const problem = checkValue(value, [], 0, { bytes: 0, most: maxBytes });
    if (problem) return problem;
    const bytes = utf8.encode(JSON.stringify(value)).byteLength;
    return bytes > maxBytes ? `record: larger than ${maxBytes} bytes` : null;
  } catch {
    return "record: could not be read as JSON";
  }
}
