/**
 * How a delegation proposes, the way people suggest changes in a word processor: with the caret in
 * the text it types and a bracketed insertion opens there; with words selected it types (a
 * replacement) or presses Delete (a deletion). The words are composed in a small field inside the
 * bracket, so every keyboard and input method works; Enter proposes, Escape cancels. The chair's
 * text itself never changes.
 */
import type { Node as PMNode } from "prosemirror-model";
import type { EditorState } from "prosemirror-state";
import { Decoration, type EditorView } from "prosemirror-view";
import type * as Y from "yjs";
import { ProposalKind, type Anchor } from "../../../schemas/records";
import { createAnchor, createBlockAnchor } from "../../../shared/anchors/createAnchor";
import { AnchorScope, resolveAnchor, type DraftText } from "../../../shared/anchors/resolveAnchor";
import { TextRoot } from "../../../shared/documentLayout";
import { addedParagraphPlace } from "../../../shared/proposals/addedParagraphPlace";
import { propose, type ProposalInput } from "../../../shared/proposals/proposeChange";
import { revisionBaseline } from "../../../shared/revisions/revisionBaseline";
import { textBlocks } from "../../../shared/text/blockText";
import { BracketClass } from "./bracketDecorations";
import { offsetOf, positionOf } from "./textOffsets";
import { t } from "../../i18n/localize";
import { refusalMessage } from "../refusalMessage";
import { localText, setLocalAttribute, setLocalText } from "../../i18n/localizedElements";

/** The kinds a delegation composes words for. */
type ComposedKind = typeof ProposalKind.insert | typeof ProposalKind.replace | typeof ProposalKind.newParagraph;

interface Draft {
  kind: ComposedKind;
  anchor: Anchor;
  dom: HTMLElement;
  input: HTMLInputElement;
}

/** The block of the selection and the offsets of its ends in the block's text, or null across blocks. */
export function selectionInBlock(state: EditorState): { index: number; from: number; to: number } | null {
  const { $from, $to } = state.selection;
  if ($from.depth < 1 || $to.depth < 1 || $from.index(0) !== $to.index(0)) return null;
  const block = $from.node(1);
  return { index: $from.index(0), from: offsetOf(block, $from.parentOffset), to: offsetOf(block, $from.sameParent($to) ? $to.parentOffset : $from.parentOffset) };
}

/** Composes one proposal at a time for state `state` in the `text` room `ydoc`. */
export class ProposalComposer {
  private draft: Draft | null = null;
  /** Set when the field should take the focus after the next redraw. */
  wantsFocus = false;
  /** Set when the field had the focus as it closed: the text takes it back, or a keyboard user is left on the page's body. */
  private returnsFocus = false;

  constructor(
    private readonly ydoc: Y.Doc,
    private readonly state: string,
    private readonly report: (message: string) => void,
    private readonly redraw: () => void,
  ) {}

  get active(): boolean {
    return this.draft !== null;
  }

  private fragment(): Y.XmlFragment {
    return this.ydoc.getXmlFragment(TextRoot.content);
  }

  private pidOfBlock(index: number): string | null {
    return textBlocks(this.fragment())[index]?.pid ?? null;
  }

  /** Opens a bracket at the selection: an insertion at a caret, a replacement over selected words. */
  startWords(state: EditorState, initial: string): boolean {
    const place = selectionInBlock(state);
    if (!place) {
      this.report(t("proposals.selectWithinParagraph"));
      return true;
    }
    const pid = this.pidOfBlock(place.index);
    if (!pid) return true;
    const kind = place.from === place.to ? ProposalKind.insert : ProposalKind.replace;
    return this.open(kind, () => createAnchor(this.fragment(), pid, place.from, place.to), initial);
  }

  /** Opens a new paragraph to compose after the selection's paragraph. */
  startParagraph(state: EditorState): boolean {
    const place = selectionInBlock(state);
    const pid = place ? this.pidOfBlock(place.index) : null;
    if (!pid) return true;
    return this.open(ProposalKind.newParagraph, () => createBlockAnchor(this.fragment(), pid), "");
  }

  private open(kind: ComposedKind, anchorOf: () => Anchor, initial: string): boolean {
    let anchor: Anchor;
    try {
      anchor = anchorOf();
    } catch (error) {
      this.report(refusalMessage(error));
      return true;
    }
    const carried = this.draft ? this.draft.input.value : "";
    this.draft = { kind, anchor, ...this.field(`${carried}${initial}`) };
    this.wantsFocus = true;
    this.redraw();
    return true;
  }

  private field(value: string): { dom: HTMLElement; input: HTMLInputElement } {
    const dom = document.createElement("span");
    dom.className = `${BracketClass.bracket} proposal-draft`;
    dom.contentEditable = "false";
    const input = document.createElement("input");
    input.type = "text";
    input.value = value;
    input.className = "proposal-draft-input";
    setLocalAttribute(input, "aria-label", "proposals.wordsOf", { state: this.state });
    input.size = Math.max(8, value.length + 2);
    input.addEventListener("input", () => (input.size = Math.max(8, input.value.length + 2)));
    input.addEventListener("keydown", (event) => {
      if (event.key === "Enter") {
        event.preventDefault();
        this.submit();
      } else if (event.key === "Escape") {
        event.preventDefault();
        this.cancel();
      }
    });
    const submit = document.createElement("button");
    submit.type = "button";
    setLocalText(submit, "proposals.propose");
    submit.addEventListener("click", () => this.submit());
    const cancel = document.createElement("button");
    cancel.type = "button";
    setLocalText(cancel, "common.cancel");
    cancel.addEventListener("click", () => this.cancel());
    const name = document.createElement("b");
    name.textContent = this.state;
    // Laid out as a bracket's proposal is: the sponsor, the language's separator, then the words.
    dom.append("[", name, localText("proposals.afterSponsors"), input, " ", submit, " ", cancel, "]");
    return { dom, input };
  }

  /** Where the draft stands now, or null once its words have gone. */
  private place(text: DraftText): { index: number; from: number; to: number } | null {
    const draft = this.draft!;
    const scope = draft.kind === ProposalKind.newParagraph ? AnchorScope.block : AnchorScope.words;
    const where = resolveAnchor(text, draft.anchor, scope);
    if (where.orphaned) return null;
    return { index: text.blocks.indexOf(where.block), from: where.from, to: where.to };
  }

  /** Proposes the composed words. */
  submit(): void {
    const draft = this.draft;
    if (!draft) return;
    const words = draft.input.value;
    if (words.trim() === "") {
      this.cancel();
      return;
    }
    const text = { fragment: this.fragment(), blocks: textBlocks(this.fragment()) };
    const place = this.place(text);
    const pid = place ? text.blocks[place.index]!.pid : null;
    if (!place || !pid) {
      this.report(t("proposals.changedMeanwhile", { words }));
      this.close();
      return;
    }
    let input: ProposalInput;
    if (draft.kind === ProposalKind.insert) input = { kind: draft.kind, pid, at: place.from, text: words };
    else if (draft.kind === ProposalKind.replace) input = { kind: draft.kind, pid, from: place.from, to: place.to, text: words };
    else input = { kind: draft.kind, after: pid, text: words };
    try {
      propose(this.ydoc, this.state, input);
      this.close();
    } catch (error) {
      this.report(refusalMessage(error));
    }
  }

  /** Drops the draft. */
  cancel(): void {
    this.close();
  }

  private close(): void {
    this.returnsFocus = this.draft !== null && this.draft.dom.contains(document.activeElement);
    this.draft = null;
    this.wantsFocus = false;
    this.redraw();
  }

  /** Proposes deleting the selected words at once. */
  proposeDeletion(state: EditorState): boolean {
    const place = selectionInBlock(state);
    if (!place || place.from === place.to) return true;
    const pid = this.pidOfBlock(place.index);
    if (!pid) return true;
    this.attempt({ kind: ProposalKind.delete, pid, from: place.from, to: place.to });
    return true;
  }

  /** Proposes deleting the selection's whole paragraph. */
  proposeParagraphDeletion(state: EditorState): boolean {
    const place = selectionInBlock(state);
    const pid = place ? this.pidOfBlock(place.index) : null;
    if (pid) this.attempt({ kind: ProposalKind.deleteParagraph, pid });
    return true;
  }

  private attempt(input: ProposalInput): void {
    try {
      propose(this.ydoc, this.state, input);
    } catch (error) {
      this.report(refusalMessage(error));
    }
  }

  /** The draft's decorations on `doc`, or none. */
  decorations(doc: PMNode, text: DraftText): Decoration[] {
    const draft = this.draft;
    if (!draft || text.blocks.length !== doc.childCount) return [];
    const place = this.place(text);
    if (!place) return [];
    let start = 0;
    for (let index = 0; index < place.index; index++) start += doc.child(index).nodeSize;
    const at = (offset: number) => positionOf(doc.child(place.index), start, offset);
    const spec = { key: "proposal-draft", side: 1, ignoreSelection: true, stopEvent: () => true };
    if (draft.kind === ProposalKind.newParagraph) {
      const after = addedParagraphPlace(text.blocks, revisionBaseline(this.ydoc))(text.blocks[place.index]!);
      let end = 0;
      for (let index = 0; index <= after; index++) end += doc.child(index).nodeSize;
      const block = document.createElement("p");
      block.className = BracketClass.addedBlock;
      block.append(draft.dom);
      return [Decoration.widget(end, block, spec)];
    }
    const decorations = [Decoration.widget(at(place.to), draft.dom, spec)];
    if (place.from < place.to) decorations.push(Decoration.inline(at(place.from), at(place.to), { class: `${BracketClass.words} draft` }));
    return decorations;
  }

  /** Gives the field the focus if it asked for it, or the text back its focus once the field has closed. */
  focusIfWanted(view: EditorView): void {
    if (this.returnsFocus && !this.draft) {
      this.returnsFocus = false;
      view.focus();
      return;
    }
    if (!this.draft || !this.wantsFocus || !this.draft.input.isConnected) return;
    this.wantsFocus = false;
    const input = this.draft.input;
    input.focus();
    input.setSelectionRange(input.value.length, input.value.length);
  }
}
