/** A copy of a room's committed state for a route that reads it (an export, a redline), never the live document itself. */
import * as Y from "yjs";
import type { Room } from "../../shared/documentLayout";
import type { RoomRegistry } from "../sync/RoomRegistry";
import { httpErrors } from "./HttpError";

/** A copy of room `name` of draft `draftId` as committed, so that writing a file never touches the live document; 404 when there is no such draft. */
export async function copyOfRoom(rooms: RoomRegistry, draftId: string, name: Room): Promise<Y.Doc> {
  const room = await rooms.open(draftId, name);
  if (!room) throw httpErrors.notFound("draft-not-found");
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, room.encodedState());
  } finally {
    rooms.released(room);
  }
  return doc;
}
