/**
 * The words of each block of a room's `content`, kept beside the live document so that the write
 * path can say what a change did to the text (DESIGN.md section 8) without reading the whole text
 * again: after each transaction only the blocks it touched are read.
 */
import * as Y from "yjs";
import { paragraphWords, type ParagraphWords } from "../../shared/audit/auditWords";
import { TextRoot } from "../../shared/documentLayout";
import { blockText, FOOTNOTE_CHAR, footnoteTexts } from "../../shared/text/blockText";
import { log, LogEvent } from "../log";

interface Known {
  pid: string;
  text: string;
}

function pidOf(element: Y.XmlElement): string | null {
  const pid = element.getAttribute("pid");
  return typeof pid === "string" && pid !== "" ? pid : null;
}

/** A block's words as the audit shows them: each footnote's words at its marker, "[Footnote: …]". */
export function auditText(element: Y.XmlElement): string {
  const text = blockText(element);
  if (!text.includes(FOOTNOTE_CHAR)) return text;
  const notes = footnoteTexts(element);
  let next = 0;
  return text.replace(new RegExp(FOOTNOTE_CHAR, "g"), () => `[Footnote: ${notes[next++] ?? ""}]`);
}

/** The top-level block a type belongs to, or null when `type` is the fragment itself. */
function blockOf(type: Y.AbstractType<unknown>, fragment: Y.XmlFragment): Y.XmlElement | null {
  let at: Y.AbstractType<unknown> = type;
  while (at.parent !== null && at.parent !== fragment) at = at.parent as Y.AbstractType<unknown>;
  return at.parent === fragment && at instanceof Y.XmlElement ? at : null;
}

/** Follows a document's `content`; `take()` hands over what the last transactions changed. */
export class ParagraphTexts {
  private readonly known = new Map<Y.XmlElement, Known>();
  private readonly fragment: Y.XmlFragment;
  private changes: ParagraphWords[] = [];

  constructor(doc: Y.Doc) {
    this.fragment = doc.getXmlFragment(TextRoot.content);
    for (const child of this.fragment.toArray()) if (child instanceof Y.XmlElement) this.remember(child);
    this.fragment.observeDeep(this.onChange);
  }

  /** The paragraphs changed since the last call, each with its words before and after. */
  take(): ParagraphWords[] {
    const taken = this.changes;
    this.changes = [];
    return taken;
  }

  /** Stops following the document. */
  destroy(): void {
    this.fragment.unobserveDeep(this.onChange);
  }

  private remember(element: Y.XmlElement): Known | null {
    const pid = pidOf(element);
    if (pid === null) return null;
    const known = { pid, text: auditText(element) };
    this.known.set(element, known);
    return known;
  }

  private readonly onChange = (events: Array<Y.YEvent<Y.AbstractType<unknown>>>): void => {
    // This runs inside the transaction applying a client's update: a throw here would fail a write
    // the guard accepted, so a failure costs only the words, and the tracker starts afresh.
    try {
      this.follow(events);
    } catch (error) {
      log.error(LogEvent.crashAvoided, { during: "reading a change to the text for the audit", error });
      this.known.clear();
      for (const child of this.fragment.toArray()) if (child instanceof Y.XmlElement) this.remember(child);
    }
  };

  private follow(events: Array<Y.YEvent<Y.AbstractType<unknown>>>): void {
    const touched = new Set<Y.XmlElement>();
    for (const event of events) {
      if (event.target === this.fragment) {
        for (const item of event.changes.added) if (item.content instanceof Y.ContentType && item.content.type instanceof Y.XmlElement) touched.add(item.content.type);
        for (const item of event.changes.deleted) if (item.content instanceof Y.ContentType && item.content.type instanceof Y.XmlElement) touched.add(item.content.type);
      } else {
        const block = blockOf(event.target, this.fragment);
        if (block) touched.add(block);
      }
    }
    for (const element of touched) {
      const old = this.known.get(element) ?? null;
      if (element._item?.deleted) {
        this.known.delete(element);
        if (old) this.changes.push(paragraphWords(old.pid, old.text, null));
        continue;
      }
      const now = this.remember(element);
      if (!now) {
        this.known.delete(element);
        if (old) this.changes.push(paragraphWords(old.pid, old.text, null));
      } else if (!old || old.pid !== now.pid) {
        this.changes.push(paragraphWords(now.pid, old?.text ?? null, now.text));
      } else if (old.text !== now.text) {
        this.changes.push(paragraphWords(now.pid, old.text, now.text));
      }
    }
  }
}
