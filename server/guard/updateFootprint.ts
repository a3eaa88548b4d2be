/**
 * What an update would touch, found without applying it: for every new item and every deleted one,
 * the root type and the top-level key it lands in, plus the record values it writes and the Yjs
 * client ids it uses. An item's parent is not always encoded — Yjs copies it from the item's origin
 * — so references are followed into the room's document or into the update itself.
 */
import * as Y from "yjs";
import { CloseCode } from "../../shared/closeCodes";
import { TextRoot } from "../../shared/documentLayout";
import type { Touched } from "../storage/Storage";
import { UnseenItemsRefusal, WriteRefusal } from "./WriteRefusal";

type Struct = Y.Item | Y.GC | Y.Skip;

/** Where an item lives: its root type, the top-level key above it, and how deep below the root it is. */
interface Location {
  root: string;
  key: string | null;
  depth: number;
}

/** A JSON value written directly under a keyed root. */
export interface RecordWrite {
  root: string;
  key: string;
  value: unknown;
}

/** Everything the guard needs to judge an update. */
export interface UpdateFootprint {
  /** Distinct roots and keys written or deleted. */
  touched: Touched[];
  /** Values written as records, in update order. */
  records: RecordWrite[];
  /** Client ids of the new structs. */
  clientIds: Set<number>;
  /** Whether the update carries anything at all (structs or deletions). */
  empty: boolean;
}

function refuse(detail: string): never {
  throw new WriteRefusal(CloseCode.writeRefused, detail);
}

function refuseUnseen(detail: string): never {
  throw new UnseenItemsRefusal(CloseCode.writeRefused, detail);
}

/** Structs of an update by client, in clock order, for lookups by id. */
function indexByClient(structs: Struct[]): Map<number, Struct[]> {
  const byClient = new Map<number, Struct[]>();
  for (const struct of structs) {
    const list = byClient.get(struct.id.client) ?? [];
    list.push(struct);
    byClient.set(struct.id.client, list);
  }
  for (const list of byClient.values()) list.sort((a, b) => a.id.clock - b.id.clock);
  return byClient;
}

function findIn(list: Struct[] | undefined, clock: number): Struct | null {
  if (!list) return null;
  let low = 0;
  let high = list.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const struct = list[mid]!;
    if (clock < struct.id.clock) high = mid - 1;
    else if (clock >= struct.id.clock + struct.length) low = mid + 1;
    else return struct;
  }
  return null;
}

/** Reads an update's footprint against the room's current document. Throws `WriteRefusal`. */
export function updateFootprint(doc: Y.Doc, update: Uint8Array): UpdateFootprint {
  let decoded: { structs: Struct[]; ds: { clients: Map<number, Array<{ clock: number; len: number }>> } };
  try {
    decoded = Y.decodeUpdate(update) as unknown as typeof decoded;
  } catch {
    throw new WriteRefusal(CloseCode.badUpdate, "the update does not decode");
  }
  const incoming = indexByClient(decoded.structs);
  const located = new Map<Y.Item, Location | null>();
  const visiting = new Set<Y.Item>();

  const storeStruct = (id: Y.ID): Struct | null => {
    const structs = doc.store.clients.get(id.client);
    if (!structs || Y.getState(doc.store, id.client) <= id.clock) return null;
    return structs[Y.findIndexSS(structs, id.clock)] as Struct;
  };

  /** Location of an item already in the document; null for garbage-collected content. */
  const locateStored = (item: Y.Item): Location | null => {
    let top = item;
    let depth = 0;
    while (top.parent instanceof Y.AbstractType && top.parent._item) {
      top = top.parent._item;
      depth++;
    }
    if (!(top.parent instanceof Y.AbstractType)) return null;
    return { root: Y.findRootTypeKey(top.parent), key: top.parentSub, depth };
  };

  const locateRef = (id: Y.ID): Location | null => {
    const fromUpdate = findIn(incoming.get(id.client), id.clock);
    if (fromUpdate) return fromUpdate instanceof Y.Item ? locateNew(fromUpdate) : null;
    const stored = storeStruct(id);
    if (!stored) refuseUnseen("the update depends on items the server has not seen");
    return stored instanceof Y.Item ? locateStored(stored) : null;
  };

  /** Location of an item of the update; null when it lands in garbage-collected content. */
  const locateNew = (item: Y.Item): Location | null => {
    if (located.has(item)) return located.get(item)!;
    if (visiting.has(item)) refuse("the update's items refer to each other in a cycle");
    visiting.add(item);
    const parent = item.parent as unknown;
    let location: Location | null;
    if (typeof parent === "string") {
      location = { root: parent, key: item.parentSub, depth: 0 };
    } else if (parent instanceof Y.ID) {
      const above = locateRef(parent);
      location = above && { root: above.root, key: above.key, depth: above.depth + 1 };
    } else {
      const reference = item.origin ?? item.rightOrigin;
      if (!reference) refuse("an item without parent or neighbours");
      location = locateRef(reference);
    }
    visiting.delete(item);
    located.set(item, location);
    return location;
  };

  const touched = new Map<string, Touched>();
  const touch = (location: Location) => touched.set(`${location.root}\u0000${location.key ?? ""}`, { root: location.root, key: location.key });
  const records: RecordWrite[] = [];
  const clientIds = new Set<number>();

  for (const struct of decoded.structs) {
    if (struct instanceof Y.Skip) continue;
    clientIds.add(struct.id.client);
    if (!(struct instanceof Y.Item)) continue;
    if (struct.content instanceof Y.ContentDoc) refuse("subdocuments are not allowed");
    const location = locateNew(struct);
    if (!location) continue;
    touch(location);
    if (location.root === TextRoot.content) continue;
    if (location.depth > 0 || !(struct.content instanceof Y.ContentAny || struct.content instanceof Y.ContentDeleted)) {
      refuse(`${location.root.slice(0, 40)} holds only plain JSON records`);
    }
    if (struct.content instanceof Y.ContentAny) {
      if (struct.content.arr.length !== 1) refuse(`${location.root.slice(0, 40)} records are single values`);
      if (location.key !== null) records.push({ root: location.root, key: location.key, value: struct.content.arr[0] });
    }
  }

  for (const [client, ranges] of decoded.ds.clients) {
    for (const { clock, len } of ranges) {
      for (let at = clock; at < clock + len; ) {
        const fromUpdate = findIn(incoming.get(client), at);
        const struct = fromUpdate ?? storeStruct(Y.createID(client, at));
        if (!struct) refuseUnseen("the update deletes items the server has not seen");
        // Yjs sends a document's whole delete set with every diff, so a client repeats deletions the
        // server made (a status record replaced): deleting what is already deleted changes nothing.
        if (struct instanceof Y.Item && (fromUpdate || !struct.deleted)) {
          const location = fromUpdate ? locateNew(struct) : locateStored(struct);
          if (location) touch(location);
        }
        // Hostile bytes can claim a zero length: always move forward.
        at = Math.max(at + 1, struct.id.clock + struct.length);
      }
    }
  }

  return {
    touched: Array.from(touched.values()),
    records,
    clientIds,
    // Deletions of what is already deleted touch nothing: an update of only those (an observer's
    // step 2 after a status record was replaced) writes nothing.
    empty: decoded.structs.length === 0 && touched.size === 0,
  };
}
