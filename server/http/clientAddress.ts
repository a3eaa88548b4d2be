/**
 * The address a request comes from, as the per-address limits and the log count it: the peer's IP
 * — or, when the peer is a reverse proxy the operator trusts (`CONCORD_TRUSTED_PROXIES`), the last
 * address its `X-Forwarded-For` names that is not itself a trusted proxy. An IPv4 address mapped
 * into IPv6 is written as IPv4, and an IPv6 address is grouped by its /56 (what one home or office
 * is usually given, so one client cannot escape a limit by walking its own prefix).
 */
import type { IncomingMessage } from "node:http";
import type { Socket } from "node:net";
import { ipKeyGenerator } from "express-rate-limit";

/** The IPv6 prefix length an address is grouped by. */
export const IPV6_GROUP_BITS = 56;

let trustedProxies: ReadonlySet<string> = new Set();

function plain(address: string): string {
  return address.startsWith("::ffff:") && address.includes(".") ? address.slice("::ffff:".length) : address;
}

function grouped(address: string): string {
  return address.includes(":") ? ipKeyGenerator(address, IPV6_GROUP_BITS) : address;
}

/** Trusts `X-Forwarded-For` from these peers (the server's own reverse proxies); returns the function that restores the previous list. */
export function trustProxies(addresses: readonly string[]): () => void {
  const previous = trustedProxies;
  trustedProxies = new Set(addresses.map(plain));
  return () => {
    trustedProxies = previous;
  };
}

/** Whether a connection comes from a trusted proxy, which speaks for many people. */
export function fromTrustedProxy(socket: Socket): boolean {
  return trustedProxies.has(plain(socket.remoteAddress ?? ""));
}

/** The key a connection's peer is counted under, before any request is read. */
export function peerAddress(socket: Socket): string {
  return grouped(plain(socket.remoteAddress ?? "unknown"));
}

/** The key a request's client is counted under. */
export function clientAddress(request: IncomingMessage): string {
  if (!fromTrustedProxy(request.socket)) return peerAddress(request.socket);
  const header = request.headers["x-forwarded-for"];
  const hops = (Array.isArray(header) ? header.join(",") : (header ?? "")).split(",").map((hop) => plain(hop.trim())).filter(Boolean);
  for (let index = hops.length - 1; index >= 0; index--) {
    if (!trustedProxies.has(hops[index]!)) return grouped(hops[index]!);
  }
  return peerAddress(request.socket);
}
