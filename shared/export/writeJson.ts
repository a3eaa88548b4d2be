/**
 * The draft in the interchange format (`schemas/draft.schema.json`), which import reads back: the
 * chair's text by block with pids, marks and footnotes, every proposal with its place, sponsors and
 * decision, and the agreements. Written from the clean or compilation view, whose runs are the
 * chair's words alone; a bracketed view's runs are refused.
 */
import { DRAFT_JSON_FORMAT, DRAFT_JSON_VERSION, type DraftJson, type DraftJsonBlock, type DraftJsonProposal } from "../../schemas/draftJson";
import type { ProposalDecision } from "../../schemas/records";
import { assertNever } from "../assertNever";
import { ExportView, type ExportBlock, type ExportDraft, type ExportProposal } from "./exportModel";

function blockJson(block: Exclude<ExportBlock, { type: "added" }>): DraftJsonBlock {
  const content: DraftJsonBlock["content"] = [];
  for (const run of block.runs) {
    if (run.type === "bracket") throw new RangeError(`The interchange is written from the chair's text, not from brackets (block ${block.pid})`);
    if (run.type === "footnote") content.push({ footnote: run.text });
    else if (run.text !== "") content.push(run.marks.length > 0 ? { text: run.text, marks: [...run.marks].sort() } : { text: run.text });
  }
  switch (block.type) {
    case "heading":
      return { pid: block.pid, type: "heading", level: block.level, content };
    case "paragraph":
      return { pid: block.pid, type: "paragraph", label: block.number, content };
    case "subitem":
      return { pid: block.pid, type: "subitem", level: block.level, label: block.label, content };
    case "preamble":
      return { pid: block.pid, type: "preamble", content };
    default:
      return assertNever(block);
  }
}

/** A decision as the interchange keeps it: an applied change's Yjs positions mean nothing in another draft. */
function decisionJson(decision: ProposalDecision): ProposalDecision {
  if (decision.applied?.kind !== "words") return decision;
  const { pid, quote, prefix, suffix } = decision.applied.anchor;
  return { ...decision, applied: { ...decision.applied, anchor: { pid, quote, prefix, suffix } } };
}

function proposalJson(proposal: ExportProposal): DraftJsonProposal {
  return {
    key: proposal.key,
    kind: proposal.kind,
    sponsors: proposal.sponsors,
    ...(proposal.place ? { place: proposal.place } : { anchor: proposal.anchor }),
    ...(proposal.text !== null ? { text: proposal.text } : {}),
    createdAt: proposal.createdAt,
    ...(proposal.updatedAt !== null ? { updatedAt: proposal.updatedAt } : {}),
    ...(proposal.withdrawn ? { withdrawn: true as const } : {}),
    ...(proposal.decisionRecord ? { decision: decisionJson(proposal.decisionRecord) } : {}),
  };
}

/** `draft` (its clean or compilation view) as the interchange value; `JSON.stringify` it to write a file. */
export function draftJson(draft: ExportDraft): DraftJson {
  if (draft.view === ExportView.bracketed) throw new RangeError("The interchange is written from the clean or compilation view, not the bracketed one");
  const proposals = new Map<string, ExportProposal>();
  const blocks: DraftJsonBlock[] = [];
  for (const block of draft.blocks) {
    if (block.type === "added") continue;
    blocks.push(blockJson(block));
    for (const proposal of block.proposals) proposals.set(proposal.key, proposal);
  }
  for (const proposal of draft.unplaced) proposals.set(proposal.key, proposal);
  const ordered = [...proposals.values()].sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const meta: DraftJson["meta"] = { title: draft.meta.title, language: draft.meta.language };
  if (draft.meta.symbol !== null) meta.symbol = draft.meta.symbol;
  if (draft.meta.revision !== null) meta.revision = draft.meta.revision;
  return {
    format: DRAFT_JSON_FORMAT,
    version: DRAFT_JSON_VERSION,
    draftId: draft.draftId,
    exportedAt: draft.exportedAt,
    meta,
    blocks,
    proposals: ordered.map(proposalJson),
    agreements: draft.agreements,
  };
}

/** `draft` as an interchange file: JSON, two-space indented, ending in a newline. */
export function writeJson(draft: ExportDraft): string {
  return `${JSON.stringify(draftJson(draft), null, 2)}\n`;
}
