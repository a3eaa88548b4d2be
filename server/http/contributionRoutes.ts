/**
 * Written contributions over HTTP. The records themselves are written through the `contributions`
 * room, where the write guard checks them; these routes only read: a delegation's file, through the
 * drafts' importer, into the text its form then submits, and the chair's compilation by section
 * (HTML, PDF by Chromium's print of the HTML, Word).
 */
import express from "express";
import { CompilationFormat, CONTRIBUTION_FILE_ROUTE, CONTRIBUTIONS_COMPILATION_ROUTE } from "../../shared/contributions/contributionPaths";
import { draftSections, listContributions } from "../../shared/contributions/readContributions";
import { writeContributionsHtml, type ContributionsCompilation } from "../../shared/contributions/writeContributionsHtml";
import { MetaKey, Room, TextRoot } from "../../shared/documentLayout";
import { mayReadRoom } from "../../shared/readPolicy";
import { Role } from "../../shared/roles";
import { readContributionFile } from "../contributions/readContributionFile";
import type { Drafts } from "../drafts/Drafts";
import { PdfUnavailableError, type PdfPrinter } from "../export/pdf/PdfPrinter";
import type { IdentityStore } from "../identity/IdentityStore";
import type { RoomRegistry } from "../sync/RoomRegistry";
import { attachment } from "./attachment";
import { copyOfRoom } from "./copyOfRoom";
import { httpErrors } from "./HttpError";
import { readQuery } from "./readBody";
import { readFileBody, uploadBody } from "./readUpload";
import { requireMember, route } from "./requestContext";

/** The contribution routes; `printer` prints the compilation as PDF. */
export function contributionRoutes(identity: IdentityStore, drafts: Drafts, rooms: RoomRegistry, printer: PdfPrinter): express.Router {
  const router = express.Router();

  // Who asks is checked before the body is read: only a delegation of the draft uploads a file here.
  const delegationOnly: express.RequestHandler = (request, _response, next) => {
    requireMember(identity, request, String(request.params.id)).then(({ membership }) => {
      next(membership.role === Role.delegation ? undefined : httpErrors.forbidden("delegations-only", "Only a delegation submits a written contribution."));
    }, next);
  };

  router.post(
    CONTRIBUTION_FILE_ROUTE,
    delegationOnly,
    ...uploadBody(),
    route(async (request, response) => {
      const file = readFileBody(request);
      response.setHeader("Cache-Control", "no-store");
      response.json({ fileName: file.name, ...(await readContributionFile(file.bytes, file.name)) });
    }),
  );

  router.get(
    CONTRIBUTIONS_COMPILATION_ROUTE,
    route(async (request, response) => {
      const draftId = String(request.params.id);
      const draft = await drafts.get(draftId);
      if (!draft) throw httpErrors.notFound("draft-not-found");
      const { membership } = await requireMember(identity, request, draftId);
      if (!mayReadRoom(membership.role, Room.contributions, draft.observersReadFloor, draft.observersReadContributions)) {
        throw httpErrors.forbidden("contributions-not-public");
      }
      const { format = CompilationFormat.html } = readQuery(request, "contributionsCompilation");
      const [textDoc, contributionsDoc] = await Promise.all([copyOfRoom(rooms, draftId, Room.text), copyOfRoom(rooms, draftId, Room.contributions)]);
      let compilation: ContributionsCompilation;
      try {
        const symbol = textDoc.getMap(TextRoot.meta).get(MetaKey.symbol);
        compilation = {
          title: draft.title,
          symbol: typeof symbol === "string" ? symbol : null,
          sections: draftSections(textDoc.getXmlFragment(TextRoot.content)),
          contributions: listContributions(contributionsDoc),
          exportedAt: new Date().toISOString(),
        };
      } finally {
        textDoc.destroy();
        contributionsDoc.destroy();
      }
      const html = writeContributionsHtml(compilation);
      const fileName = `contributions-${draftId}.${format}`;
      response.setHeader("Cache-Control", "no-store");
      response.setHeader("Content-Disposition", attachment(fileName));
      if (format === CompilationFormat.html) {
        response.setHeader("Content-Type", "text/html; charset=utf-8");
        response.send(html);
        return;
      }
      if (format === CompilationFormat.docx) {
        response.setHeader("Content-Type", "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        // Loaded by the first Word compilation, as the docx library is (see writeExport).
        const { writeContributionsDocx } = await import("../export/docx/writeContributionsDocx");
        response.send(await writeContributionsDocx(compilation));
        return;
      }
      const pdf = await printer.print(html).catch((error: unknown) => {
        throw error instanceof PdfUnavailableError ? httpErrors.unavailable(error.refusal, error.message) : error;
      });
      response.setHeader("Content-Type", "application/pdf");
      response.send(pdf);
    }),
  );
  return router;
}
