/**
 * Concord's server in one process: the HTTP app and the sync sockets on one port, over one store.
 * Tests start it on port 0; the command line starts it from the environment.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { WebSocketServer } from "ws";
import { CloseCode } from "../shared/closeCodes";
import { parseSyncPath, SCHEMA_VERSION } from "../shared/documentLayout";
import { SCHEMA_VERSION_PARAM } from "../shared/syncProtocol";
import { Drafts } from "./drafts/Drafts";
import { createApp } from "./http/createApp";
import { CLIENT_DIST_DIR } from "./paths";
import { SqliteStorage } from "./storage/SqliteStorage";
import type { Storage } from "./storage/Storage";
import { RoomRegistry, ROOM_IDLE_UNLOAD_MS } from "./sync/RoomRegistry";
import { SyncConnection } from "./sync/SyncConnection";

/** Largest frame a client may send (ws closes the socket with 1009 beyond it). */
export const MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

/** How to start a server. */
export interface ServerOptions {
  port?: number;
  host?: string;
  /** The store; or a data folder for the SQLite store. */
  storage?: Storage;
  dataDir?: string;
  clientDir?: string;
  roomIdleUnloadMs?: number;
}

/** A running server. */
export interface ConcordServer {
  /** `http://host:port`, with the port actually bound. */
  readonly url: string;
  readonly port: number;
  readonly drafts: Drafts;
  readonly rooms: RoomRegistry;
  /** Closes every socket, unloads the rooms (compacting them) and closes the store. */
  close(): Promise<void>;
}

/** Starts a server and resolves once it listens. */
export async function startConcordServer(options: ServerOptions): Promise<ConcordServer> {
  const storage = options.storage ?? new SqliteStorage(requireDataDir(options));
  const drafts = new Drafts(storage);
  const rooms = new RoomRegistry(storage, options.roomIdleUnloadMs ?? ROOM_IDLE_UNLOAD_MS);
  const app = createApp(drafts, options.clientDir ?? CLIENT_DIST_DIR);
  const httpServer = http.createServer(app);
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });

  httpServer.on("upgrade", (request, socket, head) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    const target = parseSyncPath(url.pathname);
    if (!target) {
      socket.end("HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n");
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => {
      const declared = url.searchParams.get(SCHEMA_VERSION_PARAM);
      if (declared !== null && declared !== String(SCHEMA_VERSION)) {
        ws.close(CloseCode.schemaMismatch.code, CloseCode.schemaMismatch.reason);
        return;
      }
      // Frames that arrive while the room loads wait here, in order, until the connection takes over.
      const early: Array<[Buffer, boolean]> = [];
      const hold = (data: Buffer, isBinary: boolean) => early.push([data, isBinary]);
      ws.on("message", hold);
      rooms.open(target.draftId, target.room).then(
        (room) => {
          ws.off("message", hold);
          if (!room) {
            ws.close(CloseCode.unknownDraft.code, CloseCode.unknownDraft.reason);
            return;
          }
          new SyncConnection(ws, room, () => rooms.released(room));
          for (const [data, isBinary] of early) ws.emit("message", data, isBinary);
        },
        (error: unknown) => {
          console.error(`Could not load ${target.draftId}/${target.room}:`, error);
          ws.close(CloseCode.storageFailed.code, CloseCode.storageFailed.reason);
        },
      );
    });
  });

  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
  });
  const { port } = httpServer.address() as AddressInfo;
  const host = options.host && options.host !== "0.0.0.0" && options.host !== "::" ? options.host : "127.0.0.1";

  let closing: Promise<void> | null = null;
  return {
    url: `http://${host.includes(":") ? `[${host}]` : host}:${port}`,
    port,
    drafts,
    rooms,
    close() {
      closing ??= (async () => {
        await rooms.closeAll();
        for (const client of wss.clients) client.terminate();
        wss.close();
        httpServer.closeAllConnections();
        await new Promise<void>((resolve) => httpServer.close(() => resolve()));
        await storage.close();
      })();
      return closing;
    },
  };
}

function requireDataDir(options: ServerOptions): string {
  if (!options.dataDir) throw new RangeError("A server needs either a storage or a dataDir");
  return options.dataDir;
}
