// Hocuspocus as the benchmark's second peer, on loopback at PORT, without authentication. Its store
// is a Map in memory (Hocuspocus unloads a document its last client leaves, so the seeded drafts
// need one), called with Hocuspocus's default debounce, as a database extension would be.
// Prints "hocuspocus listening on <port>" once it accepts sockets.
import { Server } from "@hocuspocus/server";
import * as Y from "yjs";

const stored = new Map();

const server = new Server({
  port: Number(process.env.PORT ?? 0),
  address: process.env.HOST ?? "127.0.0.1",
  quiet: true,
  extensions: [
    {
      async onLoadDocument({ document, documentName }) {
        const state = stored.get(documentName);
        if (state) Y.applyUpdate(document, state);
        return document;
      },
      async onStoreDocument({ document, documentName }) {
        stored.set(documentName, Y.encodeStateAsUpdate(document));
      },
    },
  ],
});
await server.listen();
console.log(`hocuspocus listening on ${server.address.port}`);
