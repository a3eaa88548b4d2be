/**
 * A hostile client speaking raw y-protocols frames: it opens a socket with a member's token, waits
 * to be admitted, sends whatever bytes it likes and reports how the server closed the socket.
 */
import * as encoding from "lib0/encoding";
import * as syncProtocol from "y-protocols/sync";
import WebSocket from "ws";
import type { Room } from "../../shared/documentLayout";
import { MessageType } from "../../shared/syncProtocol";
import type { ConcordServer } from "../../server/ConcordServer";
import { TOKEN_PARAM } from "../../server/identity/authenticate";
import { onTestEnd } from "./cleanup";
import { syncBase } from "./testServer";

/** How the server answered: the close code and reason, or null when the socket stayed open. */
export type Verdict = { code: number; reason: string } | null;

/** A sync frame carrying an update, as a client sends after its first sync. */
export function updateFrame(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** A presence entry as a client writes it: the client id it speaks for, that id's clock, and the state (null to clear it). */
export type PresenceEntry = [clientId: number, clock: number, state: unknown];

/** An awareness frame carrying `entries`, written byte by byte so it may claim anything. */
export function presenceFrame(entries: readonly PresenceEntry[]): Uint8Array {
  const update = encoding.createEncoder();
  encoding.writeVarUint(update, entries.length);
  for (const [clientId, clock, state] of entries) {
    encoding.writeVarUint(update, clientId);
    encoding.writeVarUint(update, clock);
    encoding.writeVarString(update, JSON.stringify(state));
  }
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.awareness);
  encoding.writeVarUint8Array(encoder, encoding.toUint8Array(update));
  return encoding.toUint8Array(encoder);
}

/** An open raw socket, admitted to its room. */
export interface RawClient {
  socket: WebSocket;
  /** Resolves with the close, or null when the socket is still open after `ms`. */
  verdict(ms?: number): Promise<Verdict>;
  /** Frames the server sent, in order. */
  received: Uint8Array[];
}

/** Opens a raw socket on a room with a token and waits for the server's first frame (admission) or a close. */
export async function openRaw(server: { url: string } | ConcordServer, draftId: string, room: Room, token: string): Promise<RawClient> {
  const socket = new WebSocket(`${syncBase(server as ConcordServer, draftId)}/${room}?${TOKEN_PARAM}=${encodeURIComponent(token)}`);
  onTestEnd(() => socket.terminate());
  const received: Uint8Array[] = [];
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.on("close", (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  socket.on("message", (data: Buffer) => received.push(new Uint8Array(data)));
  socket.on("error", () => undefined);
  await Promise.race([new Promise((resolve) => socket.once("message", resolve)), closed]);
  return {
    socket,
    received,
    verdict: (ms = 1500) => Promise.race([closed, new Promise<null>((resolve) => setTimeout(() => resolve(null), ms).unref())]),
  };
}

/** Sends one update as the attacker and reports the server's verdict. */
export async function attack(server: ConcordServer, draftId: string, room: Room, token: string, update: Uint8Array): Promise<Verdict> {
  const client = await openRaw(server, draftId, room, token);
  if (client.socket.readyState !== WebSocket.OPEN) return client.verdict(0);
  client.socket.send(updateFrame(update));
  return client.verdict();
}
