/**
 * Publishing a revision in tests: the draft's rooms as the server holds them, stored whole as a
 * published revision with its record in `decisions`. Until the chair's `POST …/revisions` lands it
 * writes the row with the real `storage.saveRevision`; every test that needs a revision comes here,
 * so that switching to the route changes this file alone.
 */
import { randomUUID } from "node:crypto";
import * as Y from "yjs";
import type { Revision } from "../../schemas/records";
import type { ConcordServer } from "../../server/ConcordServer";
import { DecisionPrefix, Room, TextRoot } from "../../shared/documentLayout";
import { labelSequence } from "../../shared/numbering";
import { textBlocks } from "../../shared/text/blockText";

/** What the chair publishes; `renumbered` is the map from the round's numbers to the new ones ("3 bis" → "4"). */
export interface RevisionInput {
  label: string;
  date?: string;
  renumbered?: Record<string, string>;
}

async function stateOf(server: ConcordServer, draftId: string, name: Room): Promise<Y.Doc> {
  const room = (await server.rooms.open(draftId, name))!;
  const copy = new Y.Doc();
  Y.applyUpdate(copy, room.encodedState());
  server.rooms.released(room);
  return copy;
}

/** Publishes draft `draftId`'s text as it stands on the server as revision `input.label`; returns the revision's id. */
export async function publishRevision(server: ConcordServer, draftId: string, input: RevisionInput): Promise<string> {
  const id = randomUUID();
  const ordinal = (await server.storage.listRevisions(draftId)).length + 1;
  const [text, floor] = [await stateOf(server, draftId, Room.text), await stateOf(server, draftId, Room.floor)];
  const blocks = textBlocks(text.getXmlFragment(TextRoot.content));
  const numbers: Record<string, string> = {};
  labelSequence(blocks, null).forEach((label, index) => {
    const pid = blocks[index]!.pid;
    if (label !== null && pid !== null) numbers[pid] = label;
  });
  const publishedAt = new Date().toISOString();
  const record: Revision = { label: input.label, date: input.date ?? publishedAt.slice(0, 10), at: publishedAt, ordinal, numbers, renumbered: input.renumbered ?? {} };
  text.getMap(TextRoot.decisions).set(`${DecisionPrefix.revision}${id}`, record);
  await server.storage.saveRevision({
    draftId,
    id,
    ordinal,
    label: input.label,
    symbol: null,
    date: record.date,
    note: null,
    publishedAt,
    publishedBy: null,
    text: Y.encodeStateAsUpdate(text),
    floor: Y.encodeStateAsUpdate(floor),
  });
  return id;
}
