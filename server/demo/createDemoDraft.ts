/** The demo draft: our own OEWG-style pre-draft report, created on the first `npm start`. */
import fs from "node:fs";
import path from "node:path";
import { Role } from "../../shared/roles";
import type { Drafts } from "../drafts/Drafts";
import { importDocument } from "../import/importDocument";
import type { DraftRecord } from "../storage/Storage";
import { DEMO_DRAFT_FILE } from "../paths";

/** A file that names no title of its own, imported without one. */
export class UntitledFileError extends Error {
  override readonly name = "UntitledFileError";
}

/**
 * Creates a draft from a Word, Markdown or plain-text file (refusing others with an
 * `ImportRefusal`); the document's own title is used when none is given, never the file's name.
 */
export async function createDraftFromFile(drafts: Drafts, file: string, title?: string): Promise<DraftRecord> {
  const imported = await importDocument(fs.readFileSync(file), path.basename(file));
  const named = title || imported.title;
  if (!named) throw new UntitledFileError(`${path.basename(file)} has no title of its own: give one with --title.`);
  return drafts.create({ title: named, doc: imported.doc });
}

/** Creates the demo draft. */
export function createDemoDraft(drafts: Drafts): Promise<DraftRecord> {
  return createDraftFromFile(drafts, DEMO_DRAFT_FILE);
}

/** Who the demo invites on first start: the chair, three delegations and an observer. */
export const DEMO_MEMBERS = [
  { label: "Chair", role: Role.chair, name: "Chair" },
  { label: "Cuba", role: Role.delegation, state: "CUB", name: "Delegation of Cuba" },
  { label: "El Salvador", role: Role.delegation, state: "SLV", name: "Delegation of El Salvador" },
  { label: "Uzbekistan", role: Role.delegation, state: "UZB", name: "Delegation of Uzbekistan" },
  { label: "Observer", role: Role.observer, name: "Observer" },
] as const;
