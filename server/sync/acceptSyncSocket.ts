/**
 * Admission of a sync socket: authenticate the upgrade request, find the member's role in the
 * draft, check that the role may open the room, then hand the socket to its room. Frames that
 * arrive meanwhile wait, in order and up to a limit.
 */
import type { IncomingMessage } from "node:http";
import type WebSocket from "ws";
import { CloseCode, closeReason } from "../../shared/closeCodes";
import { SCHEMA_VERSION, type Room as RoomName } from "../../shared/documentLayout";
import { mayReadRoom } from "../../shared/readPolicy";
import { SCHEMA_VERSION_PARAM } from "../../shared/syncProtocol";
import { clientAddress } from "../http/clientAddress";
import { connectionProven } from "../http/ConnectionGate";
import type { FailureLimit } from "../http/FailureLimit";
import { authenticate, presentedSecret } from "../identity/authenticate";
import { log, LogEvent } from "../log";
import { writerOf, type Writer } from "../identity/Writer";
import type { Storage } from "../storage/Storage";
import type { LiveConnections } from "./LiveConnections";
import type { PresenceBudgets } from "./PresenceBudgets";
import type { Room } from "./Room";
import type { RoomRegistry } from "./RoomRegistry";
import { MAX_BYTES_BEFORE_READY } from "./socketLimits";
import { SyncConnection } from "./SyncConnection";

/** What admission needs from the server. */
export interface SyncContext {
  storage: Storage;
  rooms: RoomRegistry;
  live: LiveConnections;
  presence: PresenceBudgets;
  /** Counts handshakes whose token or session is unknown. */
  failures: FailureLimit;
}

/** Admits (or closes) one upgraded socket for `room` of `draftId`. */
export async function acceptSyncSocket(
  context: SyncContext,
  socket: WebSocket,
  request: IncomingMessage,
  target: { draftId: string; room: RoomName },
): Promise<void> {
  const closeWith = (socket: WebSocket, cause: CloseCode, detail?: string): void => {
    log.info(LogEvent.socketClosed, { code: cause.code, reason: cause.reason, detail, draftId: target.draftId, room: target.room, address: clientAddress(request) });
    socket.close(cause.code, closeReason(cause, detail));
  };
  const early: Array<[Buffer, boolean]> = [];
  let earlyBytes = 0;
  const hold = (data: Buffer, isBinary: boolean) => {
    earlyBytes += data.byteLength;
    if (earlyBytes > MAX_BYTES_BEFORE_READY) closeWith(socket, CloseCode.messageTooLarge, "too much sent before the room was ready");
    else early.push([data, isBinary]);
  };
  socket.on("message", hold);

  const declared = new URL(request.url ?? "/", "http://localhost").searchParams.get(SCHEMA_VERSION_PARAM);
  if (declared !== null && declared !== String(SCHEMA_VERSION)) return closeWith(socket, CloseCode.schemaMismatch);

  const user = await authenticate(context.storage.identity, request);
  if (!user) {
    if (presentedSecret(request) !== null) await context.failures.failed(request, "socket token or session");
    return closeWith(socket, CloseCode.unauthenticated);
  }
  connectionProven(request.socket);
  const draft = await context.storage.getDraft(target.draftId);
  if (!draft) return closeWith(socket, CloseCode.unknownDraft);
  const membership = await context.storage.identity.activeMembership(user.id, draft.id);
  if (!membership) return closeWith(socket, CloseCode.roomForbidden, "not a member of this draft");
  if (!mayReadRoom(membership.role, target.room, draft.observersReadFloor, draft.observersReadContributions)) {
    return closeWith(socket, CloseCode.roomForbidden, `observers do not read the ${target.room} of this draft`);
  }
  const room = await context.rooms.open(draft.id, target.room);
  if (!room) return closeWith(socket, CloseCode.unknownDraft);
  if (socket.readyState !== socket.OPEN) {
    context.rooms.released(room);
    return;
  }

  socket.off("message", hold);
  // Only Concord's own client declares its schema version, and only it understands "saved".
  connect(context, socket, room, writerOf(user, membership), declared !== null);
  for (const [data, isBinary] of early) socket.emit("message", data, isBinary);
}

/**
 * Hands an admitted socket to its room. A function of its own, so that the closures a connection
 * keeps for its lifetime do not share a scope with the upgrade request (its headers, its URL with
 * the token), which would otherwise stay in memory as long as the socket is open.
 */
function connect(context: SyncContext, socket: WebSocket, room: Room, writer: Writer, concordClient: boolean): void {
  let forget = () => {};
  const connection = new SyncConnection(
    socket,
    room,
    writer,
    context.presence.open(room.draftId, writer.principal),
    () => {
      forget();
      context.rooms.released(room);
    },
    concordClient,
  );
  forget = context.live.add(writer.membershipId, connection);
}
