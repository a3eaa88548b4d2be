/**
 * Scenario 7's draft: 5,000 numbered paragraphs of UN prose (the join scenario's text) with 1,000
 * open proposals of every kind from 20 states and 500 reservations, as the two rooms' Yjs updates.
 */
import { prosemirrorToYXmlFragment } from "y-prosemirror";
import * as Y from "yjs";
import { ProposalKind, StanceKind } from "../schemas/records";
import { FloorRoot, MetaKey, TextRoot } from "../shared/documentLayout";
import { withUniquePids } from "../shared/pid";
import { propose } from "../shared/proposals/proposeChange";
import { STATES } from "../shared/states";
import { textBlocks } from "../shared/text/blockText";
import { largeDraft } from "./join";

/** The size of scenario 7's draft. */
export const EXPORT_DRAFT = { paragraphs: 5000, proposals: 1000, reservations: 500, states: 20 } as const;

/** The rooms of the draft, as the server would hold them. */
export interface ExportDraftRooms {
  text: Uint8Array;
  floor: Uint8Array;
}

/** Builds the draft (deterministically, but for the proposals' times). */
export function buildExportDraft(): ExportDraftRooms {
  const text = new Y.Doc();
  prosemirrorToYXmlFragment(withUniquePids(largeDraft(EXPORT_DRAFT.paragraphs)), text.getXmlFragment(TextRoot.content));
  const meta = text.getMap(TextRoot.meta);
  meta.set(MetaKey.title, "Bench: a draft of 5,000 paragraphs");
  meta.set(MetaKey.symbol, "A/AC.292/2025/CRP.9");
  meta.set(MetaKey.language, "en");
  const blocks = textBlocks(text.getXmlFragment(TextRoot.content));
  const states = STATES.slice(0, EXPORT_DRAFT.states).map((state) => state.code);
  text.transact(() => {
    for (let i = 0; i < EXPORT_DRAFT.proposals; i++) {
      const block = blocks[(i * 5) % blocks.length]!;
      const pid = block.pid!;
      const state = states[i % states.length]!;
      switch (i % 5) {
        case 0:
          propose(text, state, { kind: ProposalKind.insert, pid, at: 20, text: " and resilient" });
          break;
        case 1:
          propose(text, state, { kind: ProposalKind.replace, pid, from: 4, to: 9, text: "Working Group" });
          break;
        case 2:
          propose(text, state, { kind: ProposalKind.delete, pid, from: 30, to: 45 });
          break;
        case 3:
          propose(text, state, { kind: ProposalKind.newParagraph, after: pid, text: "States stressed the importance of bridging the digital divide." });
          break;
        default:
          propose(text, state, { kind: ProposalKind.deleteParagraph, pid });
      }
    }
  });
  const floor = new Y.Doc();
  floor.transact(() => {
    for (let i = 0; i < EXPORT_DRAFT.reservations; i++) {
      const block = blocks[(i * 10 + 3) % blocks.length]!;
      floor.getMap(FloorRoot.stances).set(`${states[i % states.length]}:${block.pid}`, { stance: StanceKind.reserve, reason: "Pending instructions.", at: new Date().toISOString() });
    }
  });
  return { text: Y.encodeStateAsUpdate(text), floor: Y.encodeStateAsUpdate(floor) };
}
