/**
 * The draft as a file: the chair's clean text or the bracketed text with attribution, as Markdown
 * or plain text. Whoever may read the `text` room may export it (observers too: it is public).
 */
import express from "express";
import * as Y from "yjs";
import { Room } from "../../shared/documentLayout";
import { draftText, TextFormat, TextView } from "../../shared/export/draftText";
import type { Drafts } from "../drafts/Drafts";
import type { IdentityStore } from "../identity/IdentityStore";
import type { RoomRegistry } from "../sync/RoomRegistry";
import { httpErrors } from "./HttpError";
import { readQuery } from "./readBody";
import { requireMember, route } from "./requestContext";

const CONTENT_TYPES: Record<TextFormat, string> = {
  [TextFormat.markdown]: "text/markdown; charset=utf-8",
  [TextFormat.plain]: "text/plain; charset=utf-8",
};

/** `GET /api/drafts/:id/export?format=md|txt&view=bracketed|clean`. */
export function exportRoutes(identity: IdentityStore, drafts: Drafts, rooms: RoomRegistry): express.Router {
  const router = express.Router();
  router.get(
    "/api/drafts/:id/export",
    route(async (request, response) => {
      const draftId = String(request.params.id);
      const { format = TextFormat.markdown, view = TextView.bracketed } = readQuery(request, "export");
      const draft = await drafts.get(draftId);
      if (!draft) throw httpErrors.notFound("That draft");
      await requireMember(identity, request, draftId);
      const room = await rooms.open(draftId, Room.text);
      if (!room) throw httpErrors.notFound("That draft");
      // A copy of the committed state, so that rendering never touches the live document.
      const doc = new Y.Doc();
      try {
        Y.applyUpdate(doc, room.encodedState());
      } finally {
        rooms.released(room);
      }
      const body = draftText(doc, view, format);
      doc.destroy();
      response.setHeader("Content-Type", CONTENT_TYPES[format]);
      response.setHeader("Content-Disposition", `attachment; filename="${draftId}-${view}.${format}"`);
      response.setHeader("Cache-Control", "no-store");
      response.send(body);
    }),
  );
  return router;
}
