/**
 * Reads the draft interchange format (`schemas/draft.schema.json`, written by
 * `shared/export/writeJson.ts`) back into a draft: the ProseMirror document with the file's pids,
 * and the records (meta, proposals, supports, decisions, agreements) to write into the `text` room
 * once its content holds that document. Everything is checked before anything is written: the
 * schema, then what a schema cannot say (unique pids and keys, places inside their blocks, each
 * record as the server would check it); a failure is one `ImportRefusal` (`invalid-draft-json`)
 * whose sentence names the field and the problem.
 */
import type { Node as PMNode } from "prosemirror-model";
import { prosemirrorToYXmlFragment } from "y-prosemirror";
import * as Y from "yjs";
import { checkDraftJson, type DraftJson, type DraftJsonBlock, type DraftJsonProposal } from "../../schemas/draftJson";
import { type Anchor, type Proposal } from "../../schemas/records";
import { validateRecord } from "../../schemas/validateRecord";
import { createAnchor, createBlockAnchor } from "../../shared/anchors/createAnchor";
import { AnchorScope } from "../../shared/anchors/resolveAnchor";
import { DecisionPrefix, MetaKey, TextRoot } from "../../shared/documentLayout";
import { anchorScopeOf } from "../../shared/proposals/proposalScope";
import { decisionKey, supportKey } from "../../shared/proposals/readProposals";
import { parseRecordKey } from "../../shared/recordKeys";
import { schema } from "../../shared/schema";
import { FOOTNOTE_CHAR } from "../../shared/text/blockText";
import { importRefusals } from "./ImportRefusal";
import { MAX_IMPORT_BYTES } from "./importDraftText";

/** A draft read from an interchange file. */
export interface ImportedDraftJson {
  title: string;
  language: string;
  doc: PMNode;
  /** Writes meta, proposals, supports and decisions into `textDoc`, whose content already holds `doc`. */
  writeRecords(textDoc: Y.Doc): void;
}

/** One `[root, key, value]` to set in the `text` room. */
type RecordEntry = [root: string, key: string, value: unknown];

function refuse(reason: string): never {
  throw importRefusals.invalidDraftJson(reason);
}

function blockNode(block: DraftJsonBlock): PMNode {
  const content = block.content.map((piece, index) => {
    if ("footnote" in piece) return schema.nodes.footnote.create(null, piece.footnote ? schema.text(piece.footnote) : null);
    if (piece.text.includes(FOOTNOTE_CHAR)) refuse(`draft.blocks[${block.pid}].content[${index}].text holds U+FFFC, which stands for a footnote`);
    return schema.text(piece.text, (piece.marks ?? []).map((mark) => schema.marks[mark]!.create()));
  });
  const attrs = block.type === "heading" || block.type === "subitem" ? { pid: block.pid, level: block.level ?? 1 } : { pid: block.pid };
  return schema.nodes[block.type].create(attrs, content);
}

/** The length of a block's text as anchors count it: a footnote is one character. */
function blockLength(block: DraftJsonBlock): number {
  return block.content.reduce((length, piece) => length + ("footnote" in piece ? 1 : piece.text.length), 0);
}

function checkProposals(draft: DraftJson): void {
  const lengths = new Map(draft.blocks.map((block) => [block.pid, blockLength(block)]));
  const keys = new Set<string>();
  draft.proposals.forEach((proposal, index) => {
    const at = `draft.proposals[${index}]`;
    if (keys.has(proposal.key)) refuse(`${at}.key ${proposal.key} is used twice`);
    keys.add(proposal.key);
    if (parseRecordKey(proposal.key)?.owner !== proposal.sponsors[0]) refuse(`${at}.sponsors must begin with the proposing state, ${proposal.key.split(":")[0]}`);
    if (!proposal.place) return;
    const length = lengths.get(proposal.place.pid);
    if (length === undefined) refuse(`${at}.place.pid ${proposal.place.pid} is no block of the draft`);
    const { from, to } = proposal.place;
    if (from > to || to > length) refuse(`${at}.place ${from}–${to} is outside block ${proposal.place.pid} of length ${length}`);
  });
}

function anchorOf(fragment: Y.XmlFragment, proposal: DraftJsonProposal): Anchor {
  if (!proposal.place) return { ...proposal.anchor! };
  const { pid, from, to } = proposal.place;
  return anchorScopeOf(proposal.kind) === AnchorScope.words ? createAnchor(fragment, pid, from, to) : createBlockAnchor(fragment, pid);
}

/** The records of `draft` for a `text` room whose content holds the draft's blocks. */
function recordsOf(draft: DraftJson, fragment: Y.XmlFragment): RecordEntry[] {
  const entries: RecordEntry[] = [];
  const meta = draft.meta;
  entries.push([TextRoot.meta, MetaKey.title, meta.title], [TextRoot.meta, MetaKey.language, meta.language]);
  if (meta.symbol !== undefined) entries.push([TextRoot.meta, MetaKey.symbol, meta.symbol]);
  if (meta.revision !== undefined) entries.push([TextRoot.meta, MetaKey.revision, meta.revision]);
  for (const proposal of draft.proposals) {
    const record: Proposal = { kind: proposal.kind, anchor: anchorOf(fragment, proposal), createdAt: proposal.createdAt };
    if (proposal.text !== undefined) record.text = proposal.text;
    if (proposal.updatedAt !== undefined) record.updatedAt = proposal.updatedAt;
    if (proposal.withdrawn) record.withdrawn = true;
    entries.push([TextRoot.proposals, proposal.key, record]);
    for (const state of proposal.sponsors.slice(1)) entries.push([TextRoot.supports, supportKey(state, proposal.key), true]);
    if (proposal.decision) entries.push([TextRoot.decisions, decisionKey(proposal.key), proposal.decision]);
  }
  for (const agreement of draft.agreements) entries.push([TextRoot.decisions, `${DecisionPrefix.agreed}${agreement.pid}`, { at: agreement.at, fingerprint: agreement.fingerprint }]);
  return entries;
}

function write(textDoc: Y.Doc, entries: readonly RecordEntry[]): void {
  textDoc.transact(() => {
    for (const [root, key, value] of entries) textDoc.getMap(root).set(key, value);
  });
}

/** Reads an interchange file (its text, or the value already parsed); throws an `ImportRefusal` saying what is wrong. */
export function importDraftJson(source: string | unknown): ImportedDraftJson {
  let value = source;
  if (typeof source === "string") {
    const bytes = Buffer.byteLength(source, "utf8");
    if (bytes > MAX_IMPORT_BYTES) throw importRefusals.tooLarge(bytes, MAX_IMPORT_BYTES);
    try {
      value = JSON.parse(source.replace(/^\uFEFF/, ""));
    } catch {
      refuse("draft: the file is not JSON");
    }
  }
  const checked = checkDraftJson(value);
  if (!checked.ok) refuse(checked.reason);
  const draft = checked.draft;
  const pids = new Set<string>();
  for (const block of draft.blocks) {
    if (pids.has(block.pid)) refuse(`draft.blocks: pid ${block.pid} is used twice`);
    pids.add(block.pid);
  }
  checkProposals(draft);
  const doc = schema.topNodeType.create(null, draft.blocks.map(blockNode));
  // A draft whose every block was deleted has none; an editor adds an empty paragraph when it binds.
  if (draft.blocks.length > 0) doc.check();

  // Every record is checked as the server would check its write, in a scratch room, before any is written.
  const scratch = new Y.Doc();
  prosemirrorToYXmlFragment(doc, scratch.getXmlFragment(TextRoot.content));
  let entries: RecordEntry[];
  try {
    entries = recordsOf(draft, scratch.getXmlFragment(TextRoot.content));
  } catch (error) {
    // createAnchor names a range it cannot anchor (more words than an anchor quotes).
    refuse(`draft.proposals: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    scratch.destroy();
  }
  for (const [root, key, value] of entries) {
    const check = validateRecord(root, key, value);
    if (!check.ok) refuse(`draft: ${root}[${key}]: ${check.reason}`);
  }

  return {
    title: draft.meta.title,
    language: draft.meta.language,
    doc,
    writeRecords: (textDoc) => write(textDoc, recordsOf(draft, textDoc.getXmlFragment(TextRoot.content))),
  };
}
