/**
 * The draft as a file: `GET /api/drafts/:id/export?format=…&view=…` in every format of
 * `shared/export/exportFormat.ts`. Who may export which view is `shared/readPolicy.ts`'s rule:
 * observers export the clean text, and the bracketed text and the compilation only where the draft
 * opens the floor to them; reservations and comments go only to readers of the `floor` room.
 */
import express from "express";
import { EXPORT_ROUTE } from "../../shared/appPaths";
import { Room } from "../../shared/documentLayout";
import { EXPORT_FILES, ExportFormat, exportFileName } from "../../shared/export/exportFormat";
import { ExportView, type ExportDraft } from "../../shared/export/exportModel";
import { readExportDraft } from "../../shared/export/readExportDraft";
import { mayExportView, mayReadRoom } from "../../shared/readPolicy";
import type { Drafts } from "../drafts/Drafts";
import { ExportViewRefusedError, modelView, writeExport } from "../export/writeExport";
import { PdfUnavailableError, type PdfPrinter } from "../export/pdf/PdfPrinter";
import type { IdentityStore } from "../identity/IdentityStore";
import type { RoomRegistry } from "../sync/RoomRegistry";
import { attachment } from "./attachment";
import { copyOfRoom } from "./copyOfRoom";
import { refusal } from "../../shared/refusals";
import { httpErrors } from "./HttpError";
import { readQuery } from "./readBody";
import { requireMember, route } from "./requestContext";

/** The export route; `printer` makes PDFs (one shared by every request, so one Chromium prints at a time). */
export function exportRoutes(identity: IdentityStore, drafts: Drafts, rooms: RoomRegistry, printer: PdfPrinter): express.Router {
  const router = express.Router();
  router.get(
    EXPORT_ROUTE,
    route(async (request, response) => {
      const draftId = String(request.params.id);
      const { format = ExportFormat.markdown, view = ExportView.bracketed } = readQuery(request, "export");
      const draft = await drafts.get(draftId);
      if (!draft) throw httpErrors.notFound("draft-not-found");
      const { membership } = await requireMember(identity, request, draftId);
      if (!mayExportView(membership.role, view, draft.observersReadFloor)) {
        throw httpErrors.forbidden("observer-export-view", `Observers may export only the clean text of this draft, not the ${view} view.`);
      }
      const readAs = guarded(() => modelView(format, view));
      const readsFloor = mayReadRoom(membership.role, Room.floor, draft.observersReadFloor);
      const [textDoc, floorDoc] = await Promise.all([copyOfRoom(rooms, draftId, Room.text), readsFloor ? copyOfRoom(rooms, draftId, Room.floor) : null]);
      let model: ExportDraft;
      try {
        model = readExportDraft(textDoc, floorDoc, { draftId, view: readAs, exportedAt: new Date().toISOString() });
      } finally {
        textDoc.destroy();
        floorDoc?.destroy();
      }
      const body = await writeExport(model, format, printer).catch((error: unknown) => {
        throw asHttpError(error);
      });
      response.setHeader("Content-Type", EXPORT_FILES[format].contentType);
      response.setHeader("Content-Disposition", attachment(exportFileName(model.meta.symbol, draftId, view, format)));
      response.setHeader("Cache-Control", "no-store");
      response.send(typeof body === "string" ? body : Buffer.from(body.buffer, body.byteOffset, body.byteLength));
    }),
  );
  return router;
}

/** A writer's typed failure as the answer the reader gets; anything else stays a server error. */
function asHttpError(error: unknown): unknown {
  if (error instanceof PdfUnavailableError) return httpErrors.unavailable(error.refusal, error.message);
  if (error instanceof ExportViewRefusedError) return httpErrors.badRequest(refusal("export-view-refused"), error.message);
  return error;
}

/** `run`'s value, its typed failure thrown as the reader's answer. */
function guarded<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    throw asHttpError(error);
  }
}
