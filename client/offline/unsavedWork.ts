/**
 * Work that can no longer be saved (access revoked, or a copy the server refused) is never dropped
 * silently (DESIGN.md invariant 7): the person gets it as a file. The file holds the draft text as
 * their copy showed it, with the brackets, every record they wrote, and the whole copy as a Yjs
 * update the secretariat can merge back.
 */
import { toBase64 } from "lib0/buffer";
import * as Y from "yjs";
import { Room, TextRoot } from "../../shared/documentLayout";
import { draftText, TextFormat, TextView } from "../../shared/export/draftText";
import type { Author } from "../../shared/roles";
import { ROOM_ROOTS, writeRefusal } from "../../shared/writePolicy";
import { t } from "../i18n/localize";
import { localText, setLocalText } from "../i18n/localizedElements";

/** One room's copy as the person held it. */
export interface UnsavedCopy {
  room: Room;
  doc: Y.Doc;
}

/** The records in `doc` that `author` wrote (or may write), root by root. */
function ownRecords(doc: Y.Doc, room: Room, author: Author): Record<string, Record<string, unknown>> {
  const records: Record<string, Record<string, unknown>> = {};
  for (const root of ROOM_ROOTS[room]) {
    if (root === TextRoot.content) continue;
    const own = Object.entries(doc.getMap(root).toJSON()).filter(([key]) => writeRefusal(author, room, root, key) === null);
    if (own.length > 0) records[root] = Object.fromEntries(own);
  }
  return records;
}

/** The file's contents: JSON a person can read and an administrator can restore from. */
export function unsavedWorkFile(draftId: string, author: Author, copies: readonly UnsavedCopy[], exportedAt: Date): string {
  const text = copies.find((copy) => copy.room === Room.text);
  return JSON.stringify(
    {
      draft: draftId,
      author,
      exportedAt: exportedAt.toISOString(),
      note: t("offline.fileNote"),
      text: text ? draftText(text.doc, TextView.bracketed, TextFormat.markdown) : null,
      records: Object.fromEntries(copies.map((copy) => [copy.room, ownRecords(copy.doc, copy.room, author)])),
      updates: Object.fromEntries(copies.map((copy) => [copy.room, toBase64(Y.encodeStateAsUpdate(copy.doc))])),
    },
    null,
    2,
  );
}

/** A link that downloads `contents` (the unsaved work) as `fileName`, made on this device alone. */
export function downloadLink(contents: string, fileName: string): HTMLAnchorElement {
  const link = document.createElement("a");
  link.href = URL.createObjectURL(new Blob([contents], { type: "application/json" }));
  link.download = fileName;
  setLocalText(link, "offline.downloadUnsaved");
  link.className = "download-unsaved";
  return link;
}

/** Why the copy ends (`why`, already in words) and how many of its changes were not saved, in the UI language. */
export function notSavedWords(why: string, unsaved: number): Text {
  return localText("offline.notSaved", { why, count: unsaved });
}
