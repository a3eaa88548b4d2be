/**
 * The consensus tracker (DESIGN.md section 3), as one pure function of both rooms: each numbered
 * paragraph's status and the draft's progress. An objection always wins (invariant 1); then an open
 * proposal brackets the paragraph; then a running silence procedure; then an agreement whose
 * fingerprint still matches the text; otherwise the paragraph is open.
 */
import type * as Y from "yjs";
import {
  ConsensusStatus,
  StanceKind,
  type Agreement,
  type ParagraphStatus,
  type Progress,
  type SilenceProcedure,
  type Stance,
} from "../../schemas/records";
import { readDraftText, type DraftText } from "../anchors/resolveAnchor";
import { DecisionPrefix, FloorRoot, TextRoot } from "../documentLayout";
import { readProposals, type ProposalView } from "../proposals/readProposals";
import { parseRecordKey } from "../recordKeys";
import { BlockType } from "../schema";
import { fingerprintOf } from "./fingerprint";

/** What the consensus function reads: the `text` room's records and the `floor` room's stances. */
export interface ConsensusInput {
  text: DraftText;
  proposals: readonly ProposalView[];
  /** `stances` entries: `STATE:pid` → stance. */
  stances: Iterable<[string, Stance]>;
  /** `decisions` entries. */
  decisions: Iterable<[string, unknown]>;
}

/**
 * The status of every numbered paragraph, by pid, and the draft's progress: how many paragraphs are
 * agreed, of how many, how many proposals are open (every one still stands as a bracket, orphaned or
 * not, until it is cleared) and how many paragraphs are objected.
 */
export interface ConsensusResult {
  paragraphs: Map<string, ParagraphStatus>;
  progress: Progress;
}

/** Blocks that consensus counts: numbered paragraphs and sub-items, not headings or preamble. */
export function isCounted(type: BlockType): boolean {
  return type === BlockType.paragraph || type === BlockType.subitem;
}

/** Whether a silence procedure is still running (the server has not settled it). */
export function isRunning(procedure: SilenceProcedure): boolean {
  return procedure.outcome === undefined;
}

/** Computes every paragraph's status from `input`. */
export function consensusStatus(input: ConsensusInput): ConsensusResult {
  const objectors = new Map<string, string[]>();
  for (const [key, stance] of input.stances) {
    const parsed = parseRecordKey(key);
    if (!parsed || stance?.stance !== StanceKind.object) continue;
    objectors.set(parsed.id, [...(objectors.get(parsed.id) ?? []), parsed.owner]);
  }

  const bracketed = new Set<string>();
  let openProposals = 0;
  for (const view of input.proposals) {
    if (!view.open) continue;
    openProposals++;
    // An orphaned proposal still stands against the paragraph it was made on, until it is cleared.
    const pid = view.where.orphaned ? view.record.anchor.pid : view.where.block.pid;
    if (pid) bracketed.add(pid);
  }

  const agreements = new Map<string, Agreement>();
  const silenced = new Set<string>();
  let silenceOnAll = false;
  for (const [key, value] of input.decisions) {
    if (key.startsWith(DecisionPrefix.agreed)) agreements.set(key.slice(DecisionPrefix.agreed.length), value as Agreement);
    else if (key.startsWith(DecisionPrefix.silence)) {
      const procedure = value as SilenceProcedure;
      if (!isRunning(procedure)) continue;
      if (procedure.pids === "all") silenceOnAll = true;
      else for (const pid of procedure.pids) silenced.add(pid);
    }
  }

  const paragraphs = new Map<string, ParagraphStatus>();
  let agreed = 0;
  let objected = 0;
  for (const block of input.text.blocks) {
    if (!block.pid || !isCounted(block.type) || paragraphs.has(block.pid)) continue;
    const pid = block.pid;
    const agreement = agreements.get(pid);
    const matches = agreement !== undefined && agreement.fingerprint === fingerprintOf(block);
    const objectedBy = objectors.get(pid);
    let status: ParagraphStatus;
    if (objectedBy) status = { status: ConsensusStatus.objected, objectedBy: [...objectedBy].sort() };
    else if (bracketed.has(pid)) status = { status: ConsensusStatus.bracketed };
    else if (silenceOnAll || silenced.has(pid)) status = { status: ConsensusStatus.underSilence };
    else if (matches) status = { status: ConsensusStatus.agreed };
    else status = { status: ConsensusStatus.open };
    if (agreement && !matches) status.changedSinceAgreed = true;
    if (status.status === ConsensusStatus.agreed) agreed++;
    if (status.status === ConsensusStatus.objected) objected++;
    paragraphs.set(pid, status);
  }
  return { paragraphs, progress: { agreed, total: paragraphs.size, openProposals, objected } };
}

/** The consensus of a draft from its two rooms' documents (`floor` may be absent: no stances). */
export function draftConsensus(textDoc: Y.Doc, floorDoc: Y.Doc | null): ConsensusResult {
  const text = readDraftText(textDoc.getXmlFragment(TextRoot.content));
  return consensusStatus({
    text,
    proposals: readProposals(textDoc, text),
    stances: floorDoc ? floorDoc.getMap<Stance>(FloorRoot.stances).entries() : [],
    decisions: textDoc.getMap(TextRoot.decisions).entries(),
  });
}
