/**
 * A member's sockets close on every process of a cluster (issue 16): the process that revokes a
 * membership or changes its role says so on the memberships channel, and every process checks its
 * own sockets of that membership against the stored membership, closing those it no longer admits.
 * Checking rather than closing outright spares a socket the member opened with its new role after
 * the change. Redis keeps nothing, so when a process's line comes back it checks every membership
 * it has sockets of (a notice may have been lost meanwhile), and sends again a notice Redis refused.
 */
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { CloseCode, closeCodeFor } from "../../shared/closeCodes";
import type { IdentityStore, Membership } from "../identity/IdentityStore";
import { stillAdmits } from "../identity/Writer";
import { log, LogEvent } from "../log";
import type { LiveConnections, MembershipNotices } from "../sync/LiveConnections";
import type { RedisBus } from "./RedisBus";
import { membershipsChannel } from "./redisChannels";

/** How long a check of every open membership waits before trying again when the database could not answer. */
export const SWEEP_RETRY_MS = 5_000;

/** What a notice says: the membership that changed, and the close code its stale sockets get. */
export interface MembershipNotice {
  membershipId: string;
  cause: CloseCode;
}

/** Encodes a notice: the membership's id, then the close code. */
export function encodeMembershipNotice({ membershipId, cause }: MembershipNotice): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, membershipId);
  encoding.writeVarUint(encoder, cause.code);
  return encoding.toUint8Array(encoder);
}

/** Decodes a notice; throws a `RangeError` naming what is wrong with a malformed one. */
export function decodeMembershipNotice(bytes: Uint8Array): MembershipNotice {
  const decoder = decoding.createDecoder(bytes);
  let membershipId: string;
  let code: number;
  try {
    membershipId = decoding.readVarString(decoder);
    code = decoding.readVarUint(decoder);
  } catch (error) {
    throw new RangeError(`A membership notice of ${bytes.byteLength} bytes does not decode: ${String(error)}`);
  }
  if (membershipId === "") throw new RangeError("A membership notice names no membership");
  const cause = closeCodeFor(code);
  if (!cause) throw new RangeError(`A membership notice carries unknown close code ${code}`);
  return { membershipId, cause };
}

/** One process's side of the memberships channel. Create with `MembershipClosings.listen`. */
export class MembershipClosings implements MembershipNotices {
  /** Notices Redis did not take, by membership: sent again when the line comes back. */
  private readonly unsent = new Map<string, CloseCode>();
  private unlisten: (() => Promise<void>) | null = null;
  private forgetReconnect: (() => void) | null = null;
  private sweepRetry: NodeJS.Timeout | null = null;
  private closed = false;

  private constructor(
    private readonly bus: RedisBus,
    private readonly identity: IdentityStore,
    private readonly live: LiveConnections,
  ) {}

  /** Listens to the memberships channel for `live`'s sockets; resolves once subscribed. */
  static async listen(bus: RedisBus, identity: IdentityStore, live: LiveConnections): Promise<MembershipClosings> {
    const closings = new MembershipClosings(bus, identity, live);
    closings.unlisten = await bus.subscribe(membershipsChannel(), (message) => closings.heard(message));
    closings.forgetReconnect = bus.onReconnect(() => closings.reconnected());
    return closings;
  }

  membershipChanged(membershipId: string, cause: CloseCode): void {
    this.unsent.delete(membershipId);
    this.bus.publish(membershipsChannel(), encodeMembershipNotice({ membershipId, cause })).catch((error: unknown) => {
      if (this.closed) return;
      this.unsent.set(membershipId, cause);
      log.warn(LogEvent.crashAvoided, { during: "telling the other processes that a membership changed", member: membershipId, error });
    });
  }

  /**
   * Closes this process's sockets of the membership that it no longer admits; when the membership
   * cannot be read, all of them (a socket closed in doubt reconnects, and admission decides).
   * Resolves with how many were closed.
   */
  async check(membershipId: string, cause: CloseCode): Promise<number> {
    let membership: Membership | null;
    try {
      membership = await this.identity.getMembership(membershipId);
    } catch (error) {
      log.warn(LogEvent.crashAvoided, { during: "reading a changed membership", member: membershipId, code: cause.code, error });
      return this.live.closeHere(membershipId, cause);
    }
    return this.live.closeHere(membershipId, cause, (peer) => !stillAdmits(membership, peer.writer));
  }

  /** Stops listening; notices not yet sent are dropped. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.sweepRetry) clearTimeout(this.sweepRetry);
    this.forgetReconnect?.();
    await this.unlisten?.();
  }

  private heard(message: Uint8Array): void {
    let notice: MembershipNotice;
    try {
      notice = decodeMembershipNotice(message);
    } catch (error) {
      log.warn(LogEvent.crashAvoided, { during: "reading a membership notice", channel: membershipsChannel(), error });
      return;
    }
    // The membership's sockets may be on this process: its own notices come back too, and find none left, or only new ones.
    if (this.live.has(notice.membershipId)) void this.check(notice.membershipId, notice.cause);
  }

  private reconnected(): void {
    if (this.closed) return;
    for (const [membershipId, cause] of Array.from(this.unsent)) this.membershipChanged(membershipId, cause);
    void this.sweep();
  }

  /** Checks every membership with a socket here, since a notice may have been lost; tries again later when the database cannot answer. */
  private async sweep(): Promise<void> {
    if (this.sweepRetry) clearTimeout(this.sweepRetry);
    this.sweepRetry = null;
    const outcomes = await Promise.allSettled(
      this.live.memberships().map(async (membershipId) => {
        const membership = await this.identity.getMembership(membershipId);
        this.live.closeHere(membershipId, CloseCode.accessRevoked, (peer) => !stillAdmits(membership, peer.writer));
      }),
    );
    const failed = outcomes.find((outcome): outcome is PromiseRejectedResult => outcome.status === "rejected");
    if (!failed || this.closed) return;
    log.warn(LogEvent.crashAvoided, { during: "checking the memberships of open sockets", retryInMs: SWEEP_RETRY_MS, error: failed.reason });
    this.sweepRetry = setTimeout(() => void this.sweep(), SWEEP_RETRY_MS);
    this.sweepRetry.unref();
  }
}
