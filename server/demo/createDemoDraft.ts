/** The demo draft: our own OEWG-style pre-draft report, created on the first `npm start`. */
import fs from "node:fs";
import path from "node:path";
import { Role } from "../../shared/roles";
import type { Drafts } from "../drafts/Drafts";
import { formatFromFileName, importDraftText } from "../import/importDraftText";
import type { DraftRecord } from "../storage/Storage";
import { DEMO_DRAFT_FILE } from "../paths";

/** Creates a draft from a Markdown or plain-text file; the file's own title is used when none is given. */
export function createDraftFromFile(drafts: Drafts, file: string, title?: string): Promise<DraftRecord> {
  const imported = importDraftText(fs.readFileSync(file, "utf8"), formatFromFileName(file));
  return drafts.create({ title: title ?? imported.title ?? path.basename(file), doc: imported.doc });
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
