/**
 * `GET /api/drafts/:id/paragraphs/:pid/history`: one paragraph's history for every member of the
 * draft (issue 13). The text room's public facts — the chair's changes to the words, proposals and
 * decisions, agreements, silence procedures, the text in each revision — go to everyone; stances
 * and comments only to those `shared/readPolicy.ts` lets read the `floor` room. A pid the text no
 * longer holds (or never held) has a history all the same: empty, or what it was before it went.
 */
import express from "express";
import { PARAGRAPH_HISTORY_ROUTE } from "../../shared/appPaths";
import { Room, TextRoot } from "../../shared/documentLayout";
import { PID_PATTERN } from "../../shared/pid";
import { mayReadRoom } from "../../shared/readPolicy";
import type { Drafts } from "../drafts/Drafts";
import { KnownProposals } from "../history/historyEvents";
import { readParagraphHistory } from "../history/readParagraphHistory";
import type { Storage } from "../storage/Storage";
import type { RoomRegistry } from "../sync/RoomRegistry";
import { refusal } from "../../shared/refusals";
import { httpErrors } from "./HttpError";
import { readQuery } from "./readBody";
import { requireMember, route } from "./requestContext";

/** The draft's proposals as the live text holds them. */
async function liveProposals(rooms: RoomRegistry, draftId: string): Promise<KnownProposals> {
  const known = new KnownProposals();
  const room = await rooms.open(draftId, Room.text);
  if (!room) throw httpErrors.notFound("draft-not-found");
  try {
    await room.ready();
    for (const [key, value] of room.document.getMap(TextRoot.proposals)) known.learn(key, value);
  } finally {
    rooms.released(room);
  }
  return known;
}

/** The paragraph history route. */
export function paragraphHistoryRoutes(storage: Storage, drafts: Drafts, rooms: RoomRegistry): express.Router {
  const router = express.Router();
  router.get(
    PARAGRAPH_HISTORY_ROUTE,
    route(async (request, response) => {
      const draftId = String(request.params.id);
      const pid = String(request.params.pid);
      const draft = await drafts.get(draftId);
      if (!draft) throw httpErrors.notFound("draft-not-found");
      const { membership } = await requireMember(storage.identity, request, draftId);
      if (!PID_PATTERN.test(pid)) throw httpErrors.badRequest(refusal("paragraph-id-invalid"), "pid: not a paragraph id (1 to 40 letters, digits, _ or -)");
      const { after, limit } = readQuery(request, "paragraphHistory");
      const page = await readParagraphHistory(storage, {
        draftId,
        pid,
        ...(after === undefined ? {} : { after }),
        ...(limit === undefined ? {} : { limit }),
        readsFloor: mayReadRoom(membership.role, Room.floor, draft.observersReadFloor),
        proposals: await liveProposals(rooms, draftId),
      });
      response.setHeader("Cache-Control", "no-store");
      response.json(page);
    }),
  );
  return router;
}
