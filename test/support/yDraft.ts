/**
 * The `text` room of a draft as a bare Y.Doc, built from the DSL: `yDraft(doc(p("one"), p("two")))`.
 * For tests of the shared logic that works on Yjs directly.
 */
import type { Node as PMNode } from "prosemirror-model";
import { prosemirrorToYXmlFragment } from "y-prosemirror";
import * as Y from "yjs";
import { TextRoot } from "../../shared/documentLayout";
import { withUniquePids } from "../../shared/pid";
import { textBlocks } from "../../shared/text/blockText";

/** A Y.Doc whose `content` holds `pmDoc`, with pids assigned. */
export function yDraft(pmDoc: PMNode, clientID?: number): Y.Doc {
  const ydoc = new Y.Doc();
  if (clientID !== undefined) ydoc.clientID = clientID;
  prosemirrorToYXmlFragment(withUniquePids(pmDoc), ydoc.getXmlFragment(TextRoot.content));
  return ydoc;
}

/** A copy of `source` as another peer would hold it. */
export function peerOf(source: Y.Doc, clientID?: number): Y.Doc {
  const ydoc = new Y.Doc();
  if (clientID !== undefined) ydoc.clientID = clientID;
  Y.applyUpdate(ydoc, Y.encodeStateAsUpdate(source));
  return ydoc;
}

/** The texts of the blocks of `ydoc`'s content. */
export function texts(ydoc: Y.Doc): string[] {
  return textBlocks(ydoc.getXmlFragment(TextRoot.content)).map((block) => block.text);
}

/** The pid of block `index` of `ydoc`'s content. */
export function pidAt(ydoc: Y.Doc, index: number): string {
  const pid = textBlocks(ydoc.getXmlFragment(TextRoot.content))[index]?.pid;
  if (!pid) throw new RangeError(`No pid at block ${index}`);
  return pid;
}

/** Brings every doc up to date with every other. */
export function syncAll(docs: readonly Y.Doc[]): void {
  for (const from of docs) {
    const update = Y.encodeStateAsUpdate(from);
    for (const to of docs) if (to !== from) Y.applyUpdate(to, update);
  }
}

/** Where `words` stand in `text` (their first occurrence), as the offsets a proposal takes. */
export function wordSpan(text: string, words: string): { from: number; to: number } {
  const from = text.indexOf(words);
  return { from, to: from + words.length };
}

/** A clock for records made one second apart, so their order is the order of the test. */
export function secondsApart(start = Date.UTC(2025, 0, 1)): () => Date {
  let elapsed = 0;
  return () => {
    elapsed += 1000;
    return new Date(start + elapsed);
  };
}
