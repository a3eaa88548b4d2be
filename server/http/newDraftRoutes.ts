/**
 * The secretariat's desk: an organizer previews what the import makes of a file, then creates a
 * draft, blank (a JSON body) or from that file (a multipart body: the `draft` fields as JSON and the
 * `file`). The organizer becomes the draft's chair, unless the fields name another chair, who is
 * invited instead (the answer carries their single-use sign-in path).
 */
import express from "express";
import { DRAFTS_ROUTE } from "../../shared/appPaths";
import { DRAFT_FIELDS_PART, DRAFT_FILE_PART, IMPORT_PREVIEW_ROUTE } from "../../shared/importPreview";
import { Role } from "../../shared/roles";
import type { Drafts } from "../drafts/Drafts";
import { previewImport } from "../drafts/previewImport";
import type { IdentityStore, User } from "../identity/IdentityStore";
import { inviteMember } from "../identity/invitations";
import { importDocument } from "../import/importDocument";
import { refusal } from "../../shared/refusals";
import { httpErrors } from "./HttpError";
import { readBody } from "./readBody";
import { readFileBody, readMultipart, uploadBody, UploadType, type UploadedFile } from "./readUpload";
import { requireOrganizer, route } from "./requestContext";

/** The key of `response.locals` that hands the organizer, checked before the upload is read, to the route. */
const ORGANIZER_LOCAL = "organizer";

/** The new draft's fields and file, from a JSON or a multipart body. */
function readNewDraft(request: express.Request) {
  if (!request.is(UploadType.multipart)) return { fields: readBody(request, "newDraft"), file: null };
  const form = readMultipart(request);
  const json = form.fields.get(DRAFT_FIELDS_PART);
  if (json === undefined) throw httpErrors.badRequest(refusal("form-part-missing", { part: DRAFT_FIELDS_PART }), `The form needs a "${DRAFT_FIELDS_PART}" part with the draft's fields`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw httpErrors.badRequest(refusal("form-part-not-json", { part: DRAFT_FIELDS_PART }), `The "${DRAFT_FIELDS_PART}" part is not JSON`);
  }
  const file: UploadedFile | undefined = form.files.get(DRAFT_FILE_PART);
  if (!file) throw httpErrors.badRequest(refusal("form-part-missing", { part: DRAFT_FILE_PART }), `The form needs a "${DRAFT_FILE_PART}" part with the file`);
  return { fields: readBody(request, "newDraft", parsed), file };
}

/** `POST /api/imports/preview` and `POST /api/drafts`, for organizers only. */
export function newDraftRoutes(identity: IdentityStore, drafts: Drafts): express.Router {
  const router = express.Router();

  // Who asks is checked before the body is read: nobody else uploads megabytes to the server.
  const organizerOnly: express.RequestHandler = (request, response, next) => {
    requireOrganizer(identity, request).then((user) => {
      response.locals[ORGANIZER_LOCAL] = user;
      next();
    }, next);
  };

  router.post(
    IMPORT_PREVIEW_ROUTE,
    organizerOnly,
    ...uploadBody(),
    route(async (request, response) => {
      const file = readFileBody(request);
      response.setHeader("Cache-Control", "no-store");
      response.json({ preview: previewImport(file.name, await importDocument(file.bytes, file.name)) });
    }),
  );

  router.post(
    DRAFTS_ROUTE,
    organizerOnly,
    ...uploadBody(),
    route(async (request, response) => {
      const organizer = response.locals[ORGANIZER_LOCAL] as User;
      const { fields, file } = readNewDraft(request);
      const { chairName, ...meta } = fields;
      const title = meta.title.trim();
      if (title === "") throw httpErrors.badRequest(refusal("field-blank", { field: "title" }), "body.title: must have a character other than a space");
      if (chairName !== undefined && chairName.trim() === "") throw httpErrors.badRequest(refusal("field-blank", { field: "chairName" }), "body.chairName: must have a character other than a space");
      const imported = file ? await importDocument(file.bytes, file.name) : undefined;
      const draft = await drafts.create({ ...meta, title, doc: imported?.doc, writeRecords: imported?.writeRecords });
      if (chairName !== undefined) {
        const invitation = await inviteMember(identity, { draftId: draft.id, role: Role.chair, name: chairName.trim() });
        response.status(201).json({ draft, chair: { name: invitation.user.name, signInPath: invitation.signInPath } });
        return;
      }
      await identity.addMembership({ draftId: draft.id, userId: organizer.id, role: Role.chair, state: null });
      response.status(201).json({ draft, chair: { name: organizer.name, signInPath: null } });
    }),
  );

  return router;
}
