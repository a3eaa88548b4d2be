/**
 * The address a connection comes from, as the per-address limits count it: the peer's IP, an IPv4
 * address mapped into IPv6 written as IPv4, and an IPv6 address grouped by its /56 (what one home
 * or office is usually given, so one client cannot escape a limit by walking its own prefix).
 */
import type { Socket } from "node:net";
import { ipKeyGenerator } from "express-rate-limit";

/** The IPv6 prefix length an address is grouped by. */
export const IPV6_GROUP_BITS = 56;

/** The key a socket's address is counted under. */
export function clientAddress(socket: Socket): string {
  const address = socket.remoteAddress ?? "unknown";
  const plain = address.startsWith("::ffff:") && address.includes(".") ? address.slice("::ffff:".length) : address;
  return plain.includes(":") ? ipKeyGenerator(plain, IPV6_GROUP_BITS) : plain;
}
