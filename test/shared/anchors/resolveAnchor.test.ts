import * as Y from "yjs";
import { createAnchor } from "../../../shared/anchors/createAnchor";
import { AnchorScope, FoundBy, readDraftText, resolveAnchor, type ResolvedAnchor } from "../../../shared/anchors/resolveAnchor";
import { TextRoot } from "../../../shared/documentLayout";
import { FOOTNOTE_CHAR, textBlocks } from "../../../shared/text/blockText";
import { deleteWords, insertWords } from "../../../shared/text/editBlock";
import { doc, fn, p } from "../../support/dsl";
import { pidAt, texts, yDraft } from "../../support/yDraft";

function resolve(ydoc: Y.Doc, anchor: ReturnType<typeof createAnchor>): ResolvedAnchor {
  return resolveAnchor(readDraftText(ydoc.getXmlFragment(TextRoot.content)), anchor, AnchorScope.words);
}

function words(found: ResolvedAnchor): string | null {
  return found.orphaned ? null : found.block.text.slice(found.from, found.to);
}

function block(ydoc: Y.Doc, index: number) {
  return textBlocks(ydoc.getXmlFragment(TextRoot.content))[index]!.element;
}

/** What y-prosemirror does on Enter: delete the tail and insert a new paragraph holding it. */
function splitLikeYProsemirror(ydoc: Y.Doc, index: number, at: number): void {
  const element = block(ydoc, index);
  const text = textBlocks(ydoc.getXmlFragment(TextRoot.content))[index]!.text;
  ydoc.transact(() => {
    deleteWords(element, at, text.length);
    const next = new Y.XmlElement("paragraph");
    next.setAttribute("pid", "split-copy");
    const run = new Y.XmlText();
    run.insert(0, text.slice(at));
    next.insert(0, [run]);
    ydoc.getXmlFragment(TextRoot.content).insert(index + 1, [next]);
  });
}

describe("resolveAnchor", () => {
  const text = "States should promote an open, secure, stable, accessible and peaceful ICT environment.";

  it("finds words by their positions while the text around them changes", () => {
    const ydoc = yDraft(doc(p(text)));
    const anchor = createAnchor(ydoc.getXmlFragment(TextRoot.content), pidAt(ydoc, 0), 25, 45);
    expect(anchor.quote).toBe("open, secure, stable");
    insertWords(block(ydoc, 0), 0, "All ");
    insertWords(block(ydoc, 0), 29 + 20, " and");
    const found = resolve(ydoc, anchor);
    expect(words(found)).toBe("open, secure, stable");
    expect(found.orphaned || found.by).toBe(FoundBy.position);
  });

  it("follows words a paragraph split moved into the new paragraph, by their quote", () => {
    const ydoc = yDraft(doc(p(text)));
    const anchor = createAnchor(ydoc.getXmlFragment(TextRoot.content), pidAt(ydoc, 0), 62, 70);
    expect(anchor.quote).toBe("peaceful");
    splitLikeYProsemirror(ydoc, 0, 47);
    expect(texts(ydoc)).toHaveLength(2);
    const found = resolve(ydoc, anchor);
    expect(found.orphaned).toBe(false);
    if (found.orphaned) return;
    expect(found.block.pid).toBe("split-copy");
    expect(words(found)).toBe("peaceful");
    expect(found.by).toBe(FoundBy.quote);
  });

  it("follows an insertion point into the new paragraph by its context", () => {
    const ydoc = yDraft(doc(p(text)));
    const anchor = createAnchor(ydoc.getXmlFragment(TextRoot.content), pidAt(ydoc, 0), 70, 70);
    splitLikeYProsemirror(ydoc, 0, 40);
    const found = resolve(ydoc, anchor);
    if (found.orphaned) throw new Error("orphaned");
    expect(found.block.pid).toBe("split-copy");
    expect(found.block.text.slice(found.from)).toBe(" ICT environment.");
  });

  it("reports words that were deleted as orphaned, on every read", () => {
    const ydoc = yDraft(doc(p(text), p("Second paragraph.")));
    const anchor = createAnchor(ydoc.getXmlFragment(TextRoot.content), pidAt(ydoc, 0), 25, 45);
    deleteWords(block(ydoc, 0), 20, 50);
    expect(resolve(ydoc, anchor)).toEqual({ orphaned: true });
  });

  it("picks, among repeated words, the occurrence whose context matches", () => {
    const ydoc = yDraft(doc(p("the Group, the Group and the Group of Governmental Experts")));
    const anchor = createAnchor(ydoc.getXmlFragment(TextRoot.content), pidAt(ydoc, 0), 29, 34);
    expect(anchor.quote).toBe("Group");
    // Delete and retype the same words, so the positions point at deleted characters.
    deleteWords(block(ydoc, 0), 29, 34);
    insertWords(block(ydoc, 0), 29, "Group");
    const found = resolve(ydoc, anchor);
    expect(found.orphaned || [found.from, found.by]).toEqual([29, FoundBy.quote]);
  });

  it("keeps, on a tie of context, the anchor in its own block rather than a neighbour", () => {
    const ydoc = yDraft(doc(p(), p(), p()));
    // An empty block has no text run to hold a position: only the quote's context can place it.
    const anchor = createAnchor(ydoc.getXmlFragment(TextRoot.content), pidAt(ydoc, 1), 0, 0);
    const found = resolve(ydoc, anchor);
    expect(found.orphaned === false && found.block.pid).toBe(pidAt(ydoc, 1));
  });

  it("counts a footnote as one character and anchors across it", () => {
    const ydoc = yDraft(doc(p("Recalls resolution 73/27", fn("A/RES/73/27."), " of the General Assembly")));
    expect(texts(ydoc)[0]).toBe(`Recalls resolution 73/27${FOOTNOTE_CHAR} of the General Assembly`);
    const anchor = createAnchor(ydoc.getXmlFragment(TextRoot.content), pidAt(ydoc, 0), 19, 32);
    expect(anchor.quote).toBe(`73/27${FOOTNOTE_CHAR} of the`);
    expect(words(resolve(ydoc, anchor))).toBe(anchor.quote);
  });

  it("resolves a block anchor by pid alone", () => {
    const ydoc = yDraft(doc(p("one"), p("two")));
    const anchor = { pid: pidAt(ydoc, 1), quote: "two", prefix: "", suffix: "" };
    const found = resolveAnchor(readDraftText(ydoc.getXmlFragment(TextRoot.content)), anchor, AnchorScope.block);
    expect(found.orphaned || [found.block.text, found.by]).toEqual(["two", FoundBy.pid]);
    ydoc.getXmlFragment(TextRoot.content).delete(1, 1);
    expect(resolveAnchor(readDraftText(ydoc.getXmlFragment(TextRoot.content)), anchor, AnchorScope.block)).toEqual({ orphaned: true });
  });

  it("refuses to anchor a range outside the block, naming it", () => {
    const ydoc = yDraft(doc(p("short")));
    expect(() => createAnchor(ydoc.getXmlFragment(TextRoot.content), pidAt(ydoc, 0), 2, 9)).toThrow(/outside block .* of length 5/);
    expect(() => createAnchor(ydoc.getXmlFragment(TextRoot.content), "nope", 0, 1)).toThrow(/No block has pid "nope"/);
  });

  it("treats a malformed position as missing and falls back to the quote", () => {
    const ydoc = yDraft(doc(p(text)));
    const anchor = { ...createAnchor(ydoc.getXmlFragment(TextRoot.content), pidAt(ydoc, 0), 25, 29), start: "AAAA", end: "////" };
    expect(words(resolve(ydoc, anchor))).toBe("open");
  });
});
