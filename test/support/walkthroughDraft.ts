/**
 * The walkthrough's draft as bare Yjs documents, for export tests: the demo text with a proposal of
 * every kind on it — CUB's "and resilient" co-sponsored by SLV (Alt 1) and UZB's alternative (Alt 2)
 * on paragraph 4, a deletion of words, a new paragraph ("4 bis"), the deletion of a paragraph, a
 * rejected and a withdrawn proposal — SLV's comment on paragraph 4 and UZB's reservation on 5.
 */
import { prosemirrorToYXmlFragment } from "y-prosemirror";
import * as Y from "yjs";
import { ProposalKind, StanceKind } from "../../schemas/records";
import { DEMO_DRAFT_FILE } from "../../server/paths";
import { importDraftText, ImportFormat } from "../../server/import/importDraftText";
import { addComment } from "../../shared/comments/commentThreads";
import { setStance } from "../../shared/consensus/stanceWrites";
import { MetaKey, TextRoot } from "../../shared/documentLayout";
import { rejectProposal } from "../../shared/proposals/clearProposal";
import { propose, supportProposal, withdrawProposal } from "../../shared/proposals/proposeChange";
import { textBlocks } from "../../shared/text/blockText";
import fs from "node:fs";
import { secondsApart } from "./yDraft";

/** Block indexes of the demo draft's paragraphs the walkthrough works on. */
export const WALKTHROUGH_BLOCKS = { paragraph2: 2, paragraph4: 4, paragraph5: 6, itemB: 9, paragraph7: 13 } as const;

/** The walkthrough's draft: its rooms and the keys of its proposals. */
export function walkthroughDraft() {
  const imported = importDraftText(fs.readFileSync(DEMO_DRAFT_FILE, "utf8"), ImportFormat.markdown);
  const text = new Y.Doc();
  prosemirrorToYXmlFragment(imported.doc, text.getXmlFragment(TextRoot.content));
  const meta = text.getMap(TextRoot.meta);
  meta.set(MetaKey.title, imported.title ?? "Pre-draft report");
  meta.set(MetaKey.symbol, "A/AC.292/2025/CRP.1");
  meta.set(MetaKey.revision, "Pre-draft");
  meta.set(MetaKey.language, "en");
  const blocks = textBlocks(text.getXmlFragment(TextRoot.content));
  const pid = (index: number) => blocks[index]!.pid!;
  const span = (index: number, words: string) => {
    const from = blocks[index]!.text.indexOf(words);
    if (from < 0) throw new RangeError(`No "${words}" in block ${index}`);
    return { from, to: from + words.length };
  };
  const clock = secondsApart(Date.UTC(2025, 2, 3, 10));
  const { paragraph2, paragraph4, paragraph5, itemB, paragraph7 } = WALKTHROUGH_BLOCKS;
  const keys = {
    resilient: propose(text, "CUB", { kind: ProposalKind.replace, pid: pid(paragraph4), ...span(paragraph4, "open, secure, stable"), text: "open, secure, stable and resilient" }, clock()),
    stable: propose(text, "UZB", { kind: ProposalKind.replace, pid: pid(paragraph4), ...span(paragraph4, "open, secure, stable"), text: "open, secure and stable" }, clock()),
    military: propose(text, "SLV", { kind: ProposalKind.delete, pid: pid(paragraph5), ...span(paragraph5, " for military purposes") }, clock()),
    divide: propose(text, "UZB", { kind: ProposalKind.newParagraph, after: pid(paragraph4), text: "States stressed the importance of bridging the digital divide." }, clock()),
    dropSeven: propose(text, "CUB", { kind: ProposalKind.deleteParagraph, pid: pid(paragraph7) }, clock()),
    borders: propose(text, "SLV", { kind: ProposalKind.insert, pid: pid(itemB), at: span(itemB, "across borders").to, text: " and regions" }, clock()),
    geneva: propose(text, "UZB", { kind: ProposalKind.replace, pid: pid(paragraph2), ...span(paragraph2, "New York"), text: "New York and Geneva" }, clock()),
    withdrawn: propose(text, "CUB", { kind: ProposalKind.insert, pid: pid(paragraph2), at: 0, text: "Recalling its mandate, " }, clock()),
  };
  supportProposal(text, "SLV", keys.resilient);
  supportProposal(text, "UZB", keys.military);
  supportProposal(text, "CUB", keys.military);
  rejectProposal(text, keys.geneva, "No consensus", clock());
  withdrawProposal(text, "CUB", keys.withdrawn, clock());

  const floor = new Y.Doc();
  addComment(floor, "SLV", { pid: pid(paragraph4) }, "We support adding resilience.", clock());
  setStance(floor, "UZB", pid(paragraph5), StanceKind.reserve, "Pending instructions from capital.", clock());
  return { text, floor, keys, pid };
}
