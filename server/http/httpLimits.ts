/**
 * Limits on what one address may cost the HTTP server, each written once: slow senders are cut off,
 * one address cannot hold every connection, and guessing sign-in links or tokens is slowed to a
 * crawl. `ServerOptions.limits` changes them for a test or a bench; `CONCORD_MAX_CONNECTIONS_PER_ADDRESS`
 * for a deployment where a whole conference hall reaches the server from one address.
 */

/** The limits a server runs with. */
export interface HttpLimits {
  /** Longest a client may take to send a request's headers before the server answers 408 and closes. */
  headersTimeoutMs: number;
  /** Longest a client may take to send a whole request, body included. */
  requestTimeoutMs: number;
  /** Connections one address may hold open at once (HTTP and sync sockets alike); 0 for no cap. */
  maxConnectionsPerAddress: number;
  /** Of those, connections that have not yet carried a valid session or token. */
  maxUnauthenticatedPerAddress: number;
  /** Failed sign-ins and refused tokens one address may make in a window before it is answered 429. */
  maxFailuresPerWindow: number;
  /** The window failures are counted in; a blocked address waits for the end of its window. */
  failureWindowMs: number;
}

/**
 * Defaults. Headers arrive within a second or two even on a 400 ms, 400 kbit/s line; a whole
 * request may take minutes, for a 10 MB import on that line takes about 210 s. A delegate's page
 * holds a few connections (two sockets, a handful of HTTP), so 256 per address leaves room for a
 * few dozen people behind one address. A secret has 256 random bits: the failure limit is there to
 * keep a guesser from costing the server anything, not to save the secrets.
 */
export const DEFAULT_HTTP_LIMITS: Readonly<HttpLimits> = {
  headersTimeoutMs: 20_000,
  requestTimeoutMs: 300_000,
  maxConnectionsPerAddress: 256,
  maxUnauthenticatedPerAddress: 64,
  maxFailuresPerWindow: 30,
  failureWindowMs: 10 * 60_000,
};

/** The limits with another cap on connections per address; the cap on unauthenticated ones keeps its proportion (a quarter). */
export function withConnectionCap(maxConnectionsPerAddress: number): HttpLimits {
  return { ...DEFAULT_HTTP_LIMITS, maxConnectionsPerAddress, maxUnauthenticatedPerAddress: Math.ceil(maxConnectionsPerAddress / 4) };
}

/** How often Node checks the two timeouts above (its default, 30 s, would let a slow sender stay that much longer). */
export const TIMEOUT_CHECK_INTERVAL_MS = 1_000;
