/**
 * The server's structured log: one JSON line per event on standard output (pino), for an operator
 * to search and count. It never carries a secret: no sign-in link, token, cookie or URL (links and
 * socket URLs hold secrets), and fields with those names are censored should one slip in.
 */
import pino from "pino";

/** What happened, one stable name per kind of event. */
export const LogEvent = {
  /** An invitation link was redeemed and a session started. */
  signIn: "sign-in",
  /** A sign-in link that was spent, expired or never existed. */
  signInRefused: "sign-in-refused",
  /** A request or socket presented a token or session the server does not know. */
  credentialRefused: "credential-refused",
  /** A state-changing request or socket upgrade from another origin. */
  originRefused: "origin-refused",
  /** The server closed a sync socket with one of its close codes. */
  socketClosed: "socket-closed",
  /** An address is answered 429 after too many failed sign-ins or tokens. */
  rateLimited: "rate-limited",
  /** An address has too many connections open (or too many not yet signed in). */
  connectionCapped: "connection-capped",
  /** A socket sent presence (awareness) faster or larger than its budget. */
  flood: "flood",
  /** Something threw that the server caught and survived (a 500, a socket closed for it). */
  crashAvoided: "crash-avoided",
} as const;
export type LogEvent = (typeof LogEvent)[keyof typeof LogEvent];

/** Whatever describes the event: ids, codes, counts, an `error`. Never a secret or a URL. */
export type LogFields = Record<string, unknown>;

/** Levels an operator may set with `CONCORD_LOG_LEVEL`. */
export type LogLevel = "silent" | "error" | "warn" | "info" | "debug";

/** Field names whose values are never written, at the top level or one level down. */
const SECRET_FIELDS = ["token", "secret", "cookie", "authorization", "link", "url", "session"];

const LOG_LEVELS: readonly LogLevel[] = ["silent", "error", "warn", "info", "debug"];

/**
 * The level from `CONCORD_LOG_LEVEL`; by default (or when it names no level) `info`, and `silent`
 * under jest so that test output stays readable (a test that reads the log redirects it).
 */
export function logLevelFromEnv(env: NodeJS.ProcessEnv = process.env): LogLevel {
  const asked = LOG_LEVELS.find((level) => level === env.CONCORD_LOG_LEVEL);
  if (asked) return asked;
  return env.JEST_WORKER_ID === undefined || env.CONCORD_LOG_LEVEL ? "info" : "silent";
}

function createLogger(level: LogLevel, destination: pino.DestinationStream): pino.Logger {
  return pino(
    {
      level,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      serializers: { error: pino.stdSerializers.err },
      redact: { paths: [...SECRET_FIELDS, ...SECRET_FIELDS.map((field) => `*.${field}`)], censor: "[secret]" },
    },
    destination,
  );
}

// Synchronous: a handful of lines a minute, and none may be lost when the process exits.
let logger = createLogger(logLevelFromEnv(), pino.destination({ dest: 1, sync: true }));

/** Writes one event; `log.warn(LogEvent.flood, { draftId, member, bytes })` is all a caller needs. */
export const log = {
  info: (event: LogEvent, fields: LogFields = {}) => logger.info({ event, ...fields }),
  warn: (event: LogEvent, fields: LogFields = {}) => logger.warn({ event, ...fields }),
  error: (event: LogEvent, fields: LogFields = {}) => logger.error({ event, ...fields }),
};

/** Sends the log to `destination` at `level` until the returned function puts the previous one back (tests read the log this way). */
export function redirectLog(destination: pino.DestinationStream, level: LogLevel = "info"): () => void {
  const previous = logger;
  logger = createLogger(level, destination);
  return () => {
    logger = previous;
  };
}
