/**
 * Publishing a revision (the chair's Pre-draft, Zero draft, Rev.1…): the server writes the
 * revision's record in `decisions` — with the text's fresh numbers and the renumbering — and the
 * label (and symbol) in `meta`, as its own change to the `text` room, and stores both rooms' whole
 * state of that moment as the revision's snapshot, which nothing ever changes.
 *
 * Order: the snapshot is stored before the change is committed to the room's log. A crash between
 * the two leaves a stored revision whose record is not in the log — and the stored snapshot holds
 * that record, so `reconcileRevisions` writes it again, whole, at the next start (or before the
 * next publication). The other order would leave a record, already relayed to every client, whose
 * snapshot is lost for good: the state of that moment cannot be rebuilt once the room moved on.
 */
import crypto from "node:crypto";
import type * as Y from "yjs";
import type { Revision } from "../../schemas/records";
import type { RestBodies } from "../../schemas/restBodies";
import { MAX_SERVER_RECORD_BYTES, validateRecord } from "../../schemas/validateRecord";
import { DecisionPrefix, MetaKey, Room, TextRoot } from "../../shared/documentLayout";
import type { RevisionListing } from "../../shared/revisions/revisionListing";
import { revisionNumbering } from "../../shared/revisions/revisionNumbering";
import type { Clock } from "../clock";
import type { Storage } from "../storage/Storage";
import type { RoomRegistry } from "../sync/RoomRegistry";
import { reconcileRevisions } from "./reconcileRevisions";
import { refusal, type Refusal } from "../../shared/refusals";

/** A revision the rules refuse, with the reason a person can act on (the refusal the page translates, the English for scripts): a route answers it with a 400. */
export class RevisionRefusal extends Error {
  override readonly name = "RevisionRefusal";

  constructor(
    readonly refusal: Refusal,
    message: string,
  ) {
    super(message);
  }
}

/** What publishing needs of the server: its store, its rooms (opened and released as the registry does) and its clock. */
export interface RevisionContext {
  storage: Storage;
  rooms: Pick<RoomRegistry, "open" | "released">;
  clock: Clock;
  /** Told once a revision is published: its label and symbol change the draft's summary. */
  published?: (draftId: string) => void;
}

/** The key of revision `id`'s record in `decisions`. */
export function revisionKey(id: string): string {
  return `${DecisionPrefix.revision}${id}`;
}

/** The ordinal the next revision takes: one past the highest any record or stored revision holds. */
function nextOrdinal(decisions: Y.Map<unknown>, stored: ReadonlyArray<{ ordinal: number }>): number {
  let highest = 0;
  for (const { ordinal } of stored) highest = Math.max(highest, ordinal);
  decisions.forEach((value, key) => {
    const ordinal = (value as { ordinal?: unknown } | null)?.ordinal;
    if (key.startsWith(DecisionPrefix.revision) && typeof ordinal === "number") highest = Math.max(highest, ordinal);
  });
  return highest + 1;
}

/** The date part of an ISO time: the day a revision bears when the chair names none (UTC). */
const dayOf = (time: Date): string => time.toISOString().slice(0, 10);

/**
 * Publishes the next revision of draft `draftId`, by the user named `publishedBy` (null from the
 * command line); resolves to its listing once its snapshot is stored and its record committed.
 * Throws `RevisionRefusal` when the record the text makes would break its schema; any other throw
 * means storage failed, and a revision stored by then gets its record at the next start.
 */
export async function publishRevision(
  context: RevisionContext,
  draftId: string,
  request: RestBodies["publishRevision"],
  publishedBy: string | null,
): Promise<RevisionListing> {
  const { storage, rooms, clock } = context;
  const text = await rooms.open(draftId, Room.text);
  if (!text) throw new RangeError(`No draft ${draftId} to publish a revision of`);
  // Opened even when nobody wrote to it: the snapshot of an unused floor is an empty document's state.
  const floor = (await rooms.open(draftId, Room.floor))!;
  try {
    await text.ready();
    await floor.ready();
    await reconcileRevisions(storage, text);
    const stored = await storage.listRevisions(draftId);
    const id = crypto.randomBytes(6).toString("hex");
    const now = clock.now();
    let record: Revision | null = null;
    const published = text.applyServerChangeStoredFirst(
      (doc) => {
        const decisions = doc.getMap(TextRoot.decisions);
        const written: Revision = {
          label: request.label.trim(),
          ...(request.symbol !== undefined && { symbol: request.symbol.trim() }),
          date: request.date ?? dayOf(now),
          ...(request.note !== undefined && request.note !== "" && { note: request.note }),
          at: now.toISOString(),
          // Read inside the change: a publication that waited for another sees that one's record.
          ordinal: nextOrdinal(decisions, stored),
          ...revisionNumbering(doc),
        };
        // Checked before anything is written, so a refusal leaves the room as it was.
        const check = validateRecord(TextRoot.decisions, revisionKey(id), written, MAX_SERVER_RECORD_BYTES);
        if (!check.ok) throw new RevisionRefusal(refusal("revision-invalid"), `This revision cannot be published: ${check.reason}.`);
        decisions.set(revisionKey(id), written);
        const meta = doc.getMap(TextRoot.meta);
        meta.set(MetaKey.revision, written.label);
        if (written.symbol !== undefined) meta.set(MetaKey.symbol, written.symbol);
        record = written;
      },
      (textState) => {
        // Encoded in the same tick as the text's state: both rooms as they stood at one moment.
        const floorState = floor.encodedState();
        const written = record!;
        return storage.saveRevision({
          draftId,
          id,
          ordinal: written.ordinal,
          label: written.label,
          symbol: written.symbol ?? null,
          date: written.date,
          note: written.note ?? null,
          publishedAt: written.at,
          publishedBy,
          text: textState,
          floor: floorState,
        });
      },
    );
    try {
      await published;
    } catch (error) {
      // Stored but not committed: the snapshot holds the record, so writing it again from there
      // completes the publication now rather than at the next start.
      if (!(await storage.listRevisions(draftId)).some((revision) => revision.id === id)) throw error;
      await text.ready();
      if (!(await reconcileRevisions(storage, text)).restored.includes(id)) throw error;
    }
    const listed = (await storage.listRevisions(draftId)).find((revision) => revision.id === id);
    if (!listed) throw new RangeError(`Revision ${id} of draft ${draftId} was published but is not listed`);
    context.published?.(draftId);
    return toListing(listed);
  } finally {
    rooms.released(text);
    rooms.released(floor);
  }
}

/** A stored revision's listing, as the API gives it (without the draft's id the store adds). */
export function toListing(stored: RevisionListing): RevisionListing {
  return {
    id: stored.id,
    ordinal: stored.ordinal,
    label: stored.label,
    symbol: stored.symbol,
    date: stored.date,
    note: stored.note,
    publishedAt: stored.publishedAt,
    publishedBy: stored.publishedBy,
    textSha256: stored.textSha256,
  };
}
