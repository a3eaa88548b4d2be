/**
 * Creating and listing drafts. A new draft's `text` room starts with its content (from an import
 * or empty), its meta record and its status; its `floor` room starts empty. The draft is stored
 * with its summary (title, symbol, progress) from the start, so the drafts list shows its figures
 * before anyone opens it.
 */
import crypto from "node:crypto";
import type { Node as PMNode } from "prosemirror-model";
import * as Y from "yjs";
import { summarizeDraft, writeStatus } from "../consensus/StatusPublisher";
import { prosemirrorToYXmlFragment } from "y-prosemirror";
import { RecordLimits } from "../../schemas/records";
import { MetaKey, Room, SCHEMA_VERSION, TextRoot } from "../../shared/documentLayout";
import { withUniquePids } from "../../shared/pid";
import { schema } from "../../shared/schema";
import { refusal, type Refusal } from "../../shared/refusals";
import type { DraftRecord, DraftSummary, Storage } from "../storage/Storage";

/** Longest title a draft may have: the title becomes the draft's `meta.title`, whose schema sets it. */
export const MAX_TITLE_LENGTH = RecordLimits.meta.title.maxLength;

/** A draft the rules refuse (its title), with the refusal the page translates: a route answers it with a 400, the command line prints its English. */
export class DraftRefusal extends Error {
  override readonly name = "DraftRefusal";

  constructor(
    readonly refusal: Refusal,
    message: string,
  ) {
    super(message);
  }
}

/** Language a draft has unless told otherwise. */
export const DEFAULT_LANGUAGE = "en";

/** What a new draft is made of. */
export interface NewDraft {
  title: string;
  /** The base text; an empty paragraph when absent. */
  doc?: PMNode;
  language?: string;
  /** The document symbol, e.g. A/AC.292/2025/CRP.1. */
  symbol?: string;
  /** The revision label, e.g. Pre-draft, Zero draft, Rev.1. */
  revision?: string;
  /** The least notice, in hours, a silence procedure of the draft gives; the default (72) when absent. */
  silenceNoticeHours?: number;
  /** The draft's policy: whether observers may read stances and comments (default: no). */
  observersReadFloor?: boolean;
  /** Writes records that come with the text (an interchange file's proposals and decisions) once the content holds `doc`. */
  writeRecords?: (textDoc: Y.Doc) => void;
}

function newDraftId(): string {
  return crypto.randomBytes(10).toString("hex");
}

function emptyDoc(): PMNode {
  return schema.node("doc", null, [schema.node("paragraph")]);
}

/** The first update of a new draft's `text` room. */
export function initialTextUpdate(draft: NewDraft): Uint8Array {
  return initialText(draft).update;
}

/** The first update of a new draft's `text` room, and the summary the drafts list shows of it. */
export function initialText(draft: NewDraft): { update: Uint8Array; summary: DraftSummary } {
  const ydoc = new Y.Doc();
  const progress = ydoc.transact(() => {
    prosemirrorToYXmlFragment(withUniquePids(draft.doc ?? emptyDoc()), ydoc.getXmlFragment(TextRoot.content));
    // An interchange file's own meta first, so what the person chose in the form or on the command line wins.
    draft.writeRecords?.(ydoc);
    const meta = ydoc.getMap(TextRoot.meta);
    meta.set(MetaKey.title, draft.title);
    meta.set(MetaKey.language, draft.language ?? DEFAULT_LANGUAGE);
    if (draft.symbol) meta.set(MetaKey.symbol, draft.symbol);
    if (draft.revision) meta.set(MetaKey.revision, draft.revision);
    if (draft.silenceNoticeHours !== undefined) meta.set(MetaKey.silenceNoticeHours, draft.silenceNoticeHours);
    meta.set(MetaKey.schemaVersion, SCHEMA_VERSION);
    return writeStatus(ydoc.getMap(TextRoot.status), ydoc, null);
  });
  const update = Y.encodeStateAsUpdate(ydoc);
  const summary = summarizeDraft(ydoc, progress);
  ydoc.destroy();
  return { update, summary };
}

/** The Yjs client ids whose items an update holds. */
function writerClientIds(update: Uint8Array): number[] {
  return Array.from(Y.decodeStateVector(Y.encodeStateVectorFromUpdate(update)).keys());
}

/** Drafts in storage. */
export class Drafts {
  constructor(private readonly storage: Storage) {}

  /** Creates a draft and returns its record. */
  async create(draft: NewDraft): Promise<DraftRecord> {
    const title = draft.title.trim();
    if (title.length === 0 || title.length > MAX_TITLE_LENGTH) {
      throw new DraftRefusal(refusal("title-length", { max: MAX_TITLE_LENGTH, length: title.length }), `A draft title must have 1–${MAX_TITLE_LENGTH} characters, not ${title.length}`);
    }
    const { update, summary } = initialText({ ...draft, title });
    const record: DraftRecord = {
      id: newDraftId(),
      title,
      createdAt: new Date().toISOString(),
      observersReadFloor: draft.observersReadFloor ?? false,
      observersReadContributions: false,
      symbol: summary.symbol,
      progress: summary.progress,
    };
    // The client id the base text was written with is the server's: a member writing or showing
    // presence with it would pass for the importer (invariant 3).
    await this.storage.createDraft(record, new Map([[Room.text, update]]), new Map([[Room.text, writerClientIds(update)]]));
    return record;
  }

  list(): Promise<DraftRecord[]> {
    return this.storage.listDrafts();
  }

  get(id: string): Promise<DraftRecord | null> {
    return this.storage.getDraft(id);
  }

  /** Lets the draft's observers read stances and comments (its `floor` room), or stops them. */
  setObserversReadFloor(id: string, allowed: boolean): Promise<void> {
    return this.storage.setObserversReadFloor(id, allowed);
  }

  /** Sets whether the draft's observers read its written contributions. */
  setObserversReadContributions(id: string, allowed: boolean): Promise<void> {
    return this.storage.setObserversReadContributions(id, allowed);
  }
}
