/**
 * The per-address cap on open connections: one address may hold so many connections (HTTP and
 * sync sockets alike), and so many that have not yet carried a valid session or token. A connection
 * over either cap is answered 429 and closed before the server reads anything from it. Connections
 * from a trusted reverse proxy are not counted: the proxy speaks for many people.
 */
import type http from "node:http";
import type { Socket } from "node:net";
import { log, LogEvent } from "../log";
import { fromTrustedProxy, peerAddress } from "./clientAddress";
import type { HttpLimits } from "./httpLimits";

/** What a refused connection reads. */
const REFUSAL = [
  "HTTP/1.1 429 Too Many Requests",
  "Retry-After: 10",
  "Content-Type: text/plain; charset=utf-8",
  "Connection: close",
  "",
  "Too many connections are open from your address; close some and try again.",
].join("\r\n");

/** How often the refusals of one address are logged, at most. */
const LOG_EVERY_MS = 60_000;

/** Connections of one address. */
interface Counts {
  open: number;
  unproven: number;
}

/** Which connection is proven: a function that tells its gate. Sockets belong to one server, so one map serves every gate. */
const provers = new WeakMap<Socket, () => void>();

/** Tells the gate that a connection carried a valid session or token, so that it no longer counts as unauthenticated. */
export function connectionProven(socket: Socket): void {
  provers.get(socket)?.();
  provers.delete(socket);
}

/** Counts each address's connections on a server and refuses those above the caps. */
export class ConnectionGate {
  private readonly counts = new Map<string, Counts>();
  private readonly lastLogged = new Map<string, number>();

  constructor(private readonly limits: Pick<HttpLimits, "maxConnectionsPerAddress" | "maxUnauthenticatedPerAddress">) {}

  /** Watches every connection `server` accepts. */
  attach(server: http.Server): void {
    server.on("connection", (socket: Socket) => this.admit(socket));
  }

  /** Open connections of `address`, and how many of them are not proven (for tests and the log). */
  countsOf(address: string): Counts {
    return { ...(this.counts.get(address) ?? { open: 0, unproven: 0 }) };
  }

  private admit(socket: Socket): void {
    // A trusted proxy carries everyone's connections; it enforces its own per-client limits.
    if (fromTrustedProxy(socket)) return;
    const address = peerAddress(socket);
    const counts = this.counts.get(address) ?? { open: 0, unproven: 0 };
    const { maxConnectionsPerAddress: maxOpen, maxUnauthenticatedPerAddress: maxUnproven } = this.limits;
    if ((maxOpen > 0 && counts.open >= maxOpen) || (maxUnproven > 0 && counts.unproven >= maxUnproven)) {
      this.refuse(socket, address, counts);
      return;
    }
    counts.open += 1;
    counts.unproven += 1;
    this.counts.set(address, counts);
    let proven = false;
    provers.set(socket, () => {
      proven = true;
      counts.unproven -= 1;
    });
    socket.once("close", () => {
      counts.open -= 1;
      if (!proven) counts.unproven -= 1;
      if (counts.open === 0) this.counts.delete(address);
    });
  }

  private refuse(socket: Socket, address: string, counts: Counts): void {
    socket.on("error", () => undefined);
    socket.end(REFUSAL, () => socket.destroy());
    const now = Date.now();
    if (now - (this.lastLogged.get(address) ?? 0) < LOG_EVERY_MS) return;
    if (this.lastLogged.size > 10_000) this.lastLogged.clear();
    this.lastLogged.set(address, now);
    log.warn(LogEvent.connectionCapped, { address, ...counts, ...this.limits });
  }
}
