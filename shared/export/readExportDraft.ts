/**
 * Reads a draft's rooms once into the export model (`exportModel.ts`): the chair's text as numbered
 * blocks of runs, the open proposals drawn in as brackets (bracketed view), every proposal listed
 * under the block it is on (for the compilation and the interchange), and, where the reader may see
 * the `floor` room, reservations and comment threads. A pure function, so every writer and every
 * peer export the same draft alike.
 */
import type * as Y from "yjs";
import { ProposalKind, StanceKind, type Agreement, type Stance } from "../../schemas/records";
import { AnchorScope, readDraftText } from "../anchors/resolveAnchor";
import { assertNever } from "../assertNever";
import { readThreads } from "../comments/commentThreads";
import { DecisionPrefix, FloorRoot, MetaKey, TextRoot } from "../documentLayout";
import { DEFAULT_DRAFT_LANGUAGE } from "../languages";
import { labelSequence } from "../numbering";
import { addedParagraphPlace } from "../proposals/addedParagraphPlace";
import { anchorScopeOf } from "../proposals/proposalScope";
import { readProposals, type ProposalView } from "../proposals/readProposals";
import { parseRecordKey } from "../recordKeys";
import { revisionBaseline } from "../revisions/revisionBaseline";
import { BlockType } from "../schema";
import { FOOTNOTE_CHAR, footnoteTexts, markedSpans, type MarkedSpan, type TextBlock } from "../text/blockText";
import {
  ExportMark,
  ExportView,
  type BracketRun,
  type ExportAgreement,
  type ExportBlock,
  type ExportComment,
  type ExportDraft,
  type ExportProposal,
  type ExportReservation,
  type ExportRun,
  type FootnoteRun,
  type WordsRun,
} from "./exportModel";

/** What an export is of: which draft, which view, and when it is made. */
export interface ExportOptions {
  draftId: string;
  view: ExportView;
  /** ISO time the documents print. */
  exportedAt: string;
}

const MARKS = new Set<string>(Object.values(ExportMark));

/** The draft in `textDoc` (the `text` room) and `floorDoc` (the `floor` room, null when the reader may not see it) as `options.view` exports it. */
export function readExportDraft(textDoc: Y.Doc, floorDoc: Y.Doc | null, options: ExportOptions): ExportDraft {
  const text = readDraftText(textDoc.getXmlFragment(TextRoot.content));
  const views = readProposals(textDoc, text);
  const exported = new Map(views.map((view) => [view.key, exportProposal(view)]));
  // The round's numbers: what the room reads in the text is what every export prints.
  const baseline = revisionBaseline(textDoc);
  const labels = labelSequence(text.blocks, baseline);
  const floor = readFloor(floorDoc);
  const pids = new Set(text.blocks.map((block) => block.pid));
  const bracketed = options.view === ExportView.bracketed;
  let footnotes = 0;

  const added = new Map<number, ExportProposal[]>();
  if (bracketed) {
    const placeAdded = addedParagraphPlace(text.blocks, baseline);
    for (const view of views) {
      if (view.open && view.record.kind === ProposalKind.newParagraph && !view.where.orphaned) {
        const after = placeAdded(view.where.block);
        added.set(after, [...(added.get(after) ?? []), exported.get(view.key)!]);
      }
    }
  }

  // Each proposal under the block it stands in, or, orphaned, the block it was made on.
  const order = new Map(views.map((view, index) => [view, index]));
  const byBlock = new Map<unknown, ProposalView[]>();
  for (const view of views) {
    const place = view.where.orphaned ? view.record.anchor.pid : view.where.block.element;
    byBlock.set(place, [...(byBlock.get(place) ?? []), view]);
  }

  const blocks: ExportBlock[] = [];
  text.blocks.forEach((block, index) => {
    const notes = new BlockNotes(block, footnotes);
    footnotes += notes.count;
    const onBlock = [...(byBlock.get(block.element) ?? []), ...(block.pid === null ? [] : (byBlock.get(block.pid) ?? []))].sort(
      (a, b) => order.get(a)! - order.get(b)!,
    );
    const base = {
      pid: block.pid ?? `block-${index}`,
      runs: bracketed ? bracketedRuns(block, onBlock.filter(isBracket), exported, notes) : chairRuns(block, 0, block.text.length, notes),
      reservations: floor.reservations.get(block.pid ?? "") ?? [],
      comments: floor.comments.get(block.pid ?? "") ?? [],
      deletions: bracketed ? onBlock.filter((view) => isPlacedOpen(view) && view.record.kind === ProposalKind.deleteParagraph).map((view) => exported.get(view.key)!) : [],
      proposals: inTextOrder(onBlock, block).map((view) => exported.get(view.key)!),
    };
    const label = labels[index] ?? null;
    switch (block.type) {
      case BlockType.heading:
        blocks.push({ type: "heading", level: block.level ?? 1, ...base });
        break;
      case BlockType.paragraph:
        blocks.push({ type: "paragraph", number: label ?? "", ...base });
        break;
      case BlockType.subitem:
        blocks.push({ type: "subitem", level: block.level ?? 1, label: label ?? "", ...base });
        break;
      case BlockType.preamble:
        blocks.push({ type: "preamble", ...base });
        break;
      default:
        assertNever(block.type);
    }
    for (const proposal of added.get(index) ?? []) blocks.push({ type: "added", number: proposal.addedLabel ?? "", proposal });
  });

  const meta = textDoc.getMap(TextRoot.meta);
  const optional = (key: MetaKey) => {
    const value = meta.get(key);
    return typeof value === "string" && value.trim() !== "" ? value : null;
  };
  return {
    draftId: options.draftId,
    view: options.view,
    meta: {
      title: typeof meta.get(MetaKey.title) === "string" ? (meta.get(MetaKey.title) as string) : "",
      symbol: optional(MetaKey.symbol),
      revision: optional(MetaKey.revision),
      language: optional(MetaKey.language) ?? DEFAULT_DRAFT_LANGUAGE,
    },
    blocks,
    orphans:
      options.view === ExportView.clean
        ? []
        : views.filter((view) => view.open && view.where.orphaned).map((view) => ({ proposal: exported.get(view.key)!, quote: view.record.anchor.quote })),
    unplaced: views.filter((view) => view.where.orphaned && !pids.has(view.record.anchor.pid)).map((view) => exported.get(view.key)!),
    exportedAt: options.exportedAt,
    agreements: readAgreements(textDoc),
  };
}

function exportProposal(view: ProposalView): ExportProposal {
  const { record, where } = view;
  const onWords = anchorScopeOf(record.kind) === AnchorScope.words;
  const quote = where.orphaned ? record.anchor.quote : record.kind === ProposalKind.newParagraph ? "" : where.block.text.slice(where.from, where.to);
  return {
    key: view.key,
    kind: record.kind,
    sponsors: view.sponsors,
    text: record.text ?? null,
    altLabel: view.altLabel,
    createdAt: record.createdAt,
    decision: view.open ? null : (view.decision?.decision ?? null),
    decisionRecord: view.decision,
    withdrawn: record.withdrawn === true,
    updatedAt: record.updatedAt ?? null,
    addedLabel: view.addedLabel,
    quote: quote.replaceAll(FOOTNOTE_CHAR, ""),
    place: where.orphaned || where.block.pid === null ? null : { pid: where.block.pid, from: onWords ? where.from : 0, to: onWords ? where.to : where.block.text.length },
    anchor: { pid: record.anchor.pid, quote: record.anchor.quote, prefix: record.anchor.prefix, suffix: record.anchor.suffix },
  };
}

function isPlacedOpen(view: ProposalView): boolean {
  return view.open && !view.where.orphaned;
}

/** An open proposal on words still in the text: drawn as a bracket in them. */
function isBracket(view: ProposalView): boolean {
  return isPlacedOpen(view) && anchorScopeOf(view.record.kind) === AnchorScope.words;
}

/** Deletion of the block first, then words by where they stand, then paragraphs added after it, then orphans; ties in the order made. */
function inTextOrder(views: ProposalView[], block: TextBlock): ProposalView[] {
  const rank = (view: ProposalView): number => {
    if (view.where.orphaned) return block.text.length + 2;
    if (view.record.kind === ProposalKind.deleteParagraph) return -1;
    if (view.record.kind === ProposalKind.newParagraph) return block.text.length + 1;
    return view.where.from + view.where.to / (block.text.length + 1);
  };
  return [...views].sort((a, b) => rank(a) - rank(b));
}

/** One block's formatting and footnotes (numbered on from the notes before it), read once however many brackets cut it. */
class BlockNotes {
  private readonly byOffset = new Map<number, FootnoteRun>();
  readonly count: number;
  readonly spans: MarkedSpan[];

  constructor(block: TextBlock, before: number) {
    this.spans = markedSpans(block.element);
    const texts = footnoteTexts(block.element);
    let nth = 0;
    for (let at = block.text.indexOf(FOOTNOTE_CHAR); at >= 0; at = block.text.indexOf(FOOTNOTE_CHAR, at + 1)) {
      this.byOffset.set(at, { type: "footnote", number: before + nth + 1, text: texts[nth] ?? "" });
      nth++;
    }
    this.count = nth;
  }

  at(offset: number): FootnoteRun | undefined {
    return this.byOffset.get(offset);
  }
}

/** The chair's words and footnotes from `from` to `to` of `block`, a run for each stretch of the same marks. */
function chairRuns(block: TextBlock, from: number, to: number, notes: BlockNotes): Array<WordsRun | FootnoteRun> {
  const runs: Array<WordsRun | FootnoteRun> = [];
  for (const span of notes.spans) {
    const start = Math.max(from, span.from);
    const end = Math.min(to, span.to);
    if (start >= end) continue;
    const note = block.text[start] === FOOTNOTE_CHAR ? notes.at(start) : undefined;
    if (note) {
      runs.push(note);
      continue;
    }
    const marks = span.marks.filter((mark): mark is ExportMark => MARKS.has(mark));
    const last = runs.at(-1);
    // Two text runs side by side (what a deleted footnote leaves) read as one stretch of words.
    if (last?.type === "words" && last.marks.join() === marks.join()) last.text += block.text.slice(start, end);
    else runs.push({ type: "words", text: block.text.slice(start, end), marks });
  }
  return runs;
}

/** One block's runs with the open word proposals on it drawn in as brackets; brackets overlapping an earlier one follow the block, detached. */
function bracketedRuns(block: TextBlock, views: ProposalView[], exported: Map<string, ExportProposal>, notes: BlockNotes): ExportRun[] {
  const groups = new Map<string, { from: number; to: number; proposals: ExportProposal[] }>();
  for (const view of views) {
    if (view.where.orphaned) continue;
    const { from, to } = view.where;
    const group = groups.get(`${from} ${to}`) ?? { from, to, proposals: [] };
    group.proposals.push(exported.get(view.key)!);
    groups.set(`${from} ${to}`, group);
  }
  const ordered = [...groups.values()].sort((a, b) => a.from - b.from || a.to - b.to);
  const runs: ExportRun[] = [];
  const detached: BracketRun[] = [];
  let cursor = 0;
  for (const { from, to, proposals } of ordered) {
    // Spaces at the edges of the words stay outside the bracket, where a reader expects them.
    const words = block.text.slice(from, to);
    const start = from + (/^\s*/.exec(words)?.[0].length ?? 0);
    const end = Math.max(start, to - (/\s*$/.exec(words)?.[0].length ?? 0));
    const inner = chairRuns(block, start, end, notes);
    const bracket: BracketRun = { type: "bracket", words: inner.filter((run): run is WordsRun => run.type === "words"), proposals };
    if (from < cursor) {
      detached.push({ ...bracket, detached: true });
      continue;
    }
    runs.push(...chairRuns(block, cursor, start, notes), bracket);
    // A footnote inside the words cannot sit in a bracket's struck words: it follows the bracket.
    runs.push(...inner.filter((run) => run.type === "footnote"), ...chairRuns(block, end, to, notes));
    cursor = to;
  }
  runs.push(...chairRuns(block, cursor, block.text.length, notes), ...detached);
  return runs;
}

/** Reservations and open comment threads by pid, from the `floor` room. */
function readFloor(floorDoc: Y.Doc | null): { reservations: Map<string, ExportReservation[]>; comments: Map<string, ExportComment[]> } {
  const reservations = new Map<string, ExportReservation[]>();
  const comments = new Map<string, ExportComment[]>();
  if (!floorDoc) return { reservations, comments };
  const stances = [...floorDoc.getMap<Stance>(FloorRoot.stances).entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [key, stance] of stances) {
    const parsed = parseRecordKey(key);
    if (!parsed || stance?.stance !== StanceKind.reserve) continue;
    reservations.set(parsed.id, [...(reservations.get(parsed.id) ?? []), { state: parsed.owner, reason: stance.reason ?? null }]);
  }
  for (const thread of readThreads(floorDoc, {})) {
    if (thread.resolved) continue;
    const comment: ExportComment = {
      author: thread.author,
      body: thread.root.body,
      at: thread.root.at,
      quote: thread.root.anchor?.quote ?? null,
      replies: thread.replies.map((reply) => ({ author: reply.author, body: reply.comment.body, at: reply.comment.at })),
    };
    comments.set(thread.root.pid, [...(comments.get(thread.root.pid) ?? []), comment]);
  }
  return { reservations, comments };
}

function readAgreements(textDoc: Y.Doc): ExportAgreement[] {
  const agreements: ExportAgreement[] = [];
  for (const [key, value] of textDoc.getMap<unknown>(TextRoot.decisions)) {
    if (!key.startsWith(DecisionPrefix.agreed)) continue;
    const agreement = value as Agreement;
    agreements.push({ pid: key.slice(DecisionPrefix.agreed.length), at: agreement.at, fingerprint: agreement.fingerprint });
  }
  return agreements.sort((a, b) => (a.pid < b.pid ? -1 : a.pid > b.pid ? 1 : 0));
}
