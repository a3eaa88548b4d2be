/**
 * The redline between two texts of a draft: `GET /api/drafts/:id/redline?from=<revision>&to=<revision|live>&format=…`,
 * as JSON for the page (`shared/revisions/redlineModel.ts`) or as an HTML, Word or PDF document. Any
 * member may read it, observers too: it is made of `text` rooms alone, which everyone may read.
 * Revisions are read from their stored snapshots; the live text from a copy of its room.
 */
import express from "express";
import * as Y from "yjs";
import type { Revision } from "../../schemas/records";
import { LIVE_TEXT, REDLINE_ROUTE } from "../../shared/appPaths";
import { assertNever } from "../../shared/assertNever";
import { DecisionPrefix, Room, TextRoot } from "../../shared/documentLayout";
import { EXPORT_FILES } from "../../shared/export/exportFormat";
import { compareRevisions } from "../../shared/revisions/compareRevisions";
import { readRevisionText, type RevisionText } from "../../shared/revisions/readRevisionText";
import { RedlineFormat, redlineFileName } from "../../shared/revisions/redlineFormat";
import type { Redline, RedlineSide } from "../../shared/revisions/redlineModel";
import { writeRedlineHtml } from "../../shared/revisions/writeRedlineHtml";
import type { Drafts } from "../drafts/Drafts";
import { PdfUnavailableError, type PdfPrinter } from "../export/pdf/PdfPrinter";
import type { Storage } from "../storage/Storage";
import type { RoomRegistry } from "../sync/RoomRegistry";
import { attachment } from "./attachment";
import { copyOfRoom } from "./copyOfRoom";
import { refusal } from "../../shared/refusals";
import { httpErrors } from "./HttpError";
import { readQuery } from "./readBody";
import { requireMember, route } from "./requestContext";

/** How the live text is named as a side of the redline. */
export const LIVE_TEXT_LABEL = "Live text";

/** One side read: its text, how it is named, and (a revision) its record of renumbering. */
interface ReadSide {
  text: RevisionText;
  side: RedlineSide;
  renumbered: Record<string, string> | null;
}

/** Revision `id` of draft `draftId` from its stored snapshot, or the live text for `LIVE_TEXT`; 404 for a revision the draft does not have. */
async function readSide(storage: Storage, rooms: RoomRegistry, draftId: string, id: string): Promise<ReadSide> {
  let doc: Y.Doc;
  let side: RedlineSide;
  if (id === LIVE_TEXT) {
    doc = await copyOfRoom(rooms, draftId, Room.text);
    side = { id, label: LIVE_TEXT_LABEL, at: null };
  } else {
    const stored = await storage.readRevision(draftId, id);
    if (!stored) throw httpErrors.notFound("revision-not-found");
    doc = new Y.Doc();
    Y.applyUpdate(doc, stored.text);
    side = { id, label: stored.label, at: stored.publishedAt };
  }
  try {
    const record = doc.getMap<unknown>(TextRoot.decisions).get(`${DecisionPrefix.revision}${id}`) as Revision | undefined;
    return { text: readRevisionText(doc), side, renumbered: id === LIVE_TEXT ? null : (record?.renumbered ?? null) };
  } finally {
    doc.destroy();
  }
}

/** The redline's file in `format`. */
async function writeRedline(redline: Redline, format: RedlineFormat, printer: PdfPrinter): Promise<string | Buffer> {
  switch (format) {
    case RedlineFormat.json:
      return JSON.stringify(redline);
    case RedlineFormat.html:
      return writeRedlineHtml(redline);
    case RedlineFormat.docx:
      // Loaded by the first Word redline, as the docx library is (see writeExport).
      return (await import("../export/docx/writeRedlineDocx")).writeRedlineDocx(redline);
    case RedlineFormat.pdf:
      return printer.print(writeRedlineHtml(redline)).catch((error: unknown) => {
        throw error instanceof PdfUnavailableError ? httpErrors.unavailable(error.refusal, error.message) : error;
      });
    default:
      return assertNever(format);
  }
}

/** The redline route; `printer` is the export's, so that one Chromium prints at a time. */
export function redlineRoutes(storage: Storage, drafts: Drafts, rooms: RoomRegistry, printer: PdfPrinter): express.Router {
  const router = express.Router();
  router.get(
    REDLINE_ROUTE,
    route(async (request, response) => {
      const draftId = String(request.params.id);
      const { from, to = LIVE_TEXT, format = RedlineFormat.json } = readQuery(request, "redline");
      if (from === LIVE_TEXT) throw httpErrors.badRequest(refusal("redline-from-live"), `query.from: must be a published revision's id, not "${LIVE_TEXT}"`);
      if (!(await drafts.get(draftId))) throw httpErrors.notFound("draft-not-found");
      await requireMember(storage.identity, request, draftId);
      const older = await readSide(storage, rooms, draftId, from);
      const newer = await readSide(storage, rooms, draftId, to);
      const redline = compareRevisions(older.text, newer.text, { draftId, from: older.side, to: newer.side, renumbered: newer.renumbered, madeAt: new Date().toISOString() });
      const body = await writeRedline(redline, format, printer);
      response.setHeader("Content-Type", EXPORT_FILES[format].contentType);
      if (format !== RedlineFormat.json) response.setHeader("Content-Disposition", attachment(redlineFileName(redline.symbol, draftId, older.side.label, newer.side.label, format)));
      response.setHeader("Cache-Control", "no-store");
      response.send(body);
    }),
  );
  return router;
}
