/**
 * What delegations and the chair say about a paragraph: a state's stance (object with a reason,
 * reserve, support, or none to withdraw) and the chair's declaration that a paragraph is agreed ad
 * referendum — refused while a state objects or a proposal on it is open.
 */
import type * as Y from "yjs";
import { ConsensusStatus, RecordLimits, StanceKind, type Agreement, type Stance } from "../../schemas/records";
import { readDraftText } from "../anchors/resolveAnchor";
import { DecisionPrefix, FloorRoot, TextRoot } from "../documentLayout";
import { LocalRefusal } from "../LocalRefusal";
import { recordKey } from "../recordKeys";
import { draftConsensus } from "./consensusStatus";
import { fingerprintOf } from "./fingerprint";

/** The longest reason a stance carries (the record schema's limit). */
export const MAX_REASON_LENGTH = RecordLimits.stance.reason.maxLength;

/** `state` takes `stance` on paragraph `pid` in the `floor` room `floorDoc`. */
export function setStance(floorDoc: Y.Doc, state: string, pid: string, stance: StanceKind, reason = "", now = new Date()): void {
  const trimmed = reason.trim();
  if (stance === StanceKind.object && trimmed === "") throw new LocalRefusal("objection-needs-reason", {}, "An objection needs a reason");
  if (trimmed.length > MAX_REASON_LENGTH) {
    throw new LocalRefusal("reason-too-long", { limit: MAX_REASON_LENGTH, length: trimmed.length }, `A reason has at most ${MAX_REASON_LENGTH} characters, not ${trimmed.length}`);
  }
  const record: Stance = trimmed && stance !== StanceKind.none ? { stance, reason: trimmed, at: now.toISOString() } : { stance, at: now.toISOString() };
  floorDoc.getMap<Stance>(FloorRoot.stances).set(recordKey(state, pid), record);
}

/** Every state's stance on paragraph `pid`, by state code, `none` left out. */
export function stancesOn(floorDoc: Y.Doc, pid: string): Map<string, Stance> {
  const found = new Map<string, Stance>();
  for (const [key, stance] of floorDoc.getMap<Stance>(FloorRoot.stances)) {
    const at = key.indexOf(":");
    if (key.slice(at + 1) === pid && stance.stance !== StanceKind.none) found.set(key.slice(0, at), stance);
  }
  return new Map([...found].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** Why the chair may not declare paragraph `pid` agreed now, or null when it may. */
export function agreementRefusal(textDoc: Y.Doc, floorDoc: Y.Doc | null, pid: string): LocalRefusal | null {
  const status = draftConsensus(textDoc, floorDoc).paragraphs.get(pid);
  if (!status) return new LocalRefusal("paragraph-not-in-text", {}, "That paragraph is not in the text");
  if (status.status === ConsensusStatus.objected) {
    const states = status.objectedBy ?? [];
    return new LocalRefusal("objected-by", { states, count: states.length }, `Not while ${states.join(", ")} object${states.length === 1 ? "s" : ""}`);
  }
  if (status.status === ConsensusStatus.bracketed) return new LocalRefusal("proposal-open-on-paragraph", {}, "Not while a proposal on it is open");
  if (status.status === ConsensusStatus.agreed) return new LocalRefusal("already-agreed", {}, "It is already agreed");
  return null;
}

/** The chair declares paragraph `pid` agreed ad referendum, recording its text's fingerprint. */
export function declareAgreed(textDoc: Y.Doc, floorDoc: Y.Doc | null, pid: string, now = new Date()): void {
  const refusal = agreementRefusal(textDoc, floorDoc, pid);
  if (refusal) throw refusal;
  const block = readDraftText(textDoc.getXmlFragment(TextRoot.content)).blocks.find((candidate) => candidate.pid === pid)!;
  const agreement: Agreement = { at: now.toISOString(), fingerprint: fingerprintOf(block) };
  textDoc.getMap<Agreement>(TextRoot.decisions).set(`${DecisionPrefix.agreed}${pid}`, agreement);
}
