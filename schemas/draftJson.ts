/**
 * The draft interchange format (`draft.schema.json`) as TypeScript types, and its one check. The
 * types follow the schema by hand; the writer's tests validate its output against the schema, so a
 * drift between the two fails there.
 */
import Ajv from "ajv";
import type { ProposalDecision, ProposalKind } from "./records";
import decision from "./records/decision.schema.json";
import defs from "./records/defs.schema.json";
import draft from "./draft.schema.json";
import { reasonFor } from "./schemaReason";

/** The `format` every interchange file names. */
export const DRAFT_JSON_FORMAT = "concord-draft";
/** The version of the interchange format this code writes and reads. */
export const DRAFT_JSON_VERSION = 1;

/** A stretch of the chair's words with one set of marks. */
export interface DraftJsonWords {
  text: string;
  marks?: Array<"em" | "strong">;
}

/** A footnote, where it stands in the words. */
export interface DraftJsonFootnote {
  footnote: string;
}

/** One block of the chair's text. */
export interface DraftJsonBlock {
  pid: string;
  type: "heading" | "paragraph" | "subitem" | "preamble";
  level?: number;
  /** The number it printed with: informative, never read back. */
  label?: string;
  content: Array<DraftJsonWords | DraftJsonFootnote>;
}

/** One proposal with its place (or, orphaned, its anchor), sponsors and decision. */
export interface DraftJsonProposal {
  key: string;
  kind: ProposalKind;
  sponsors: string[];
  place?: { pid: string; from: number; to: number };
  anchor?: { pid: string; quote: string; prefix: string; suffix: string };
  text?: string;
  createdAt: string;
  updatedAt?: string;
  withdrawn?: true;
  decision?: ProposalDecision;
}

/** A whole draft as the interchange holds it. */
export interface DraftJson {
  format: typeof DRAFT_JSON_FORMAT;
  version: typeof DRAFT_JSON_VERSION;
  draftId?: string;
  exportedAt?: string;
  meta: { title: string; symbol?: string; revision?: string; language: string };
  blocks: DraftJsonBlock[];
  proposals: DraftJsonProposal[];
  agreements: Array<{ pid: string; at: string; fingerprint: string }>;
}

const ajv = new Ajv({ allErrors: false, strict: true, verbose: true });
ajv.addSchema([defs, decision]);
// Compiled at load, so a schema strict mode refuses stops the process at start.
const validate = ajv.compile<DraftJson>(draft);

/** Checks a value against `draft.schema.json`: the typed draft, or one short reason naming field and problem. Never throws. */
export function checkDraftJson(value: unknown): { ok: true; draft: DraftJson } | { ok: false; reason: string } {
  if (validate(value)) return { ok: true, draft: value };
  return { ok: false, reason: reasonFor("draft", validate.errors ?? [], validate.schema) };
}
