/**
 * The draft as Akoma Ntoso 3.0 (OASIS LegalDocML), the UN's XML for its documents: a
 * `<doc name="report">` with FRBR identification from the draft's symbol, language and revision;
 * sections from headings, `<paragraph eId="para_N">` with `<num>`, sub-items as nested `<point>`s,
 * footnotes and reservations as `<authorialNote>`s; in the bracketed view each proposal is a
 * `<span class="bracket">` of `<del>`/`<ins>` whose `refersTo` names its states, listed as
 * `TLCOrganization`s in `<references>`. Strings are built with every typed character escaped.
 */
import { assertNever } from "../assertNever";
import { isStateCode, stateByCode } from "../states";
import { changeMarkup } from "./changeMarkup";
import { escapeMarkup as e } from "./escapeMarkup";
import { ExportView, type BracketRun, type ExportBlock, type ExportDraft, type ExportProposal, type ExportRun, type WordsRun } from "./exportModel";
import { NoteSeries, reservationNote } from "./NoteSeries";
import { bracketAuthor } from "./proposalWords";
import { markupRuns } from "./markupRuns";
import { ORPHANS_TITLE } from "./textLines";

/** The Akoma Ntoso 3.0 namespace. */
export const AKN_NAMESPACE = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0";

/** ISO 639-2 codes FRBR uses for the UN's official languages; others keep their own code. */
const LANGUAGE_CODES: Record<string, string> = { en: "eng", fr: "fra", es: "spa", ar: "ara", ru: "rus", zh: "zho" };

/** Concord, the source and author of every export, as `<references>` names it. */
const SOURCE = "concord";

/** An eId-safe form of a label: "3 bis" → "3bis", "(a)" → "a". */
const idPart = (label: string) => label.toLowerCase().replace(/[^a-z0-9]+/g, "");

/** A URI-safe slug: "A/AC.292/2025/CRP.1" → "a-ac-292-2025-crp-1". */
const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "draft";

function identification(draft: ExportDraft): string {
  const date = draft.exportedAt.slice(0, 10);
  const language = LANGUAGE_CODES[draft.meta.language.split("-")[0]!.toLowerCase()] ?? draft.meta.language;
  const work = `/akn/un/doc/report/${date}/${slug(draft.meta.symbol ?? draft.draftId)}`;
  const expression = `${work}/${e(language)}@${draft.meta.revision ? slug(draft.meta.revision) : ""}`;
  const common = `<FRBRdate date="${date}" name="export"/><FRBRauthor href="#${SOURCE}"/>`;
  return (
    `<identification source="#${SOURCE}">` +
    `<FRBRWork><FRBRthis value="${work}/!main"/><FRBRuri value="${work}"/>${common}<FRBRcountry value="un"/>` +
    (draft.meta.symbol ? `<FRBRnumber value="${e(draft.meta.symbol)}"/>` : "") +
    `<FRBRname value="${e(draft.meta.title)}"/></FRBRWork>` +
    `<FRBRExpression><FRBRthis value="${expression}/!main"/><FRBRuri value="${expression}"/>${common}` +
    (draft.meta.revision ? `<FRBRversionNumber value="${e(draft.meta.revision)}"/>` : "") +
    `<FRBRlanguage language="${e(language)}"/></FRBRExpression>` +
    `<FRBRManifestation><FRBRthis value="${expression}/!main.xml"/><FRBRuri value="${expression}.akn"/>${common}</FRBRManifestation>` +
    `</identification>`
  );
}

/** Every state a bracket names, each once, as references. */
function references(states: ReadonlySet<string>): string {
  const organizations = [...states]
    .sort()
    .map((code) => `<TLCOrganization eId="${e(code)}" href="/ontology/organization/un/${e(code.toLowerCase())}" showAs="${e(isStateCode(code) ? stateByCode(code).name : code)}"/>`);
  return `<references source="#${SOURCE}"><TLCOrganization eId="${SOURCE}" href="/ontology/organization/${SOURCE}" showAs="Concord"/>${organizations.join("")}</references>`;
}

function wordsXml(run: WordsRun): string {
  let xml = e(run.text);
  if (run.marks.includes("em")) xml = `<i>${xml}</i>`;
  if (run.marks.includes("strong")) xml = `<b>${xml}</b>`;
  return xml;
}

/** Writes one draft: the notes number in order of appearance, the states met go into `<references>`. */
class AknWriter {
  private readonly notes = new NoteSeries();
  private readonly states = new Set<string>();
  private readonly eIds = new Set<string>();

  constructor(private readonly draft: ExportDraft) {}

  /** `wanted`, or `wanted` with a counter when a block's label repeats (a draft being edited may number oddly). */
  private eId(wanted: string): string {
    let eId = wanted;
    for (let n = 2; this.eIds.has(eId); n++) eId = `${wanted}_${n}`;
    this.eIds.add(eId);
    return eId;
  }

  private note(text: string): string {
    const number = this.notes.add(text);
    return `<authorialNote marker="${number}" placement="bottom" eId="${this.eId(`fnote_${number}`)}"><p>${e(text)}</p></authorialNote>`;
  }

  private bracket(proposal: ExportProposal, words: string): string {
    for (const state of proposal.sponsors) this.states.add(state);
    const change = changeMarkup(proposal, words);
    const refersTo = proposal.sponsors.map((state) => `#${e(state)}`).join(" ");
    return `<span class="bracket" refersTo="${refersTo}">[${e(bracketAuthor(proposal))}: ${change}]</span>`;
  }

  private brackets(run: BracketRun): string {
    const words = run.words.map(wordsXml).join("");
    return run.proposals.map((proposal) => this.bracket(proposal, words)).join(" ");
  }

  private runs(runs: readonly ExportRun[]): string {
    return markupRuns(runs, {
      words: wordsXml,
      note: (text) => this.note(text),
      brackets: (run) => this.brackets(run),
      detached: (brackets, words) => `${brackets} (on “${words}”)`,
    });
  }

  /** A block's text as one `<p>`, with whole-paragraph deletions and reservations. */
  private paragraphText(block: Exclude<ExportBlock, { type: "added" }>): string {
    let words = this.runs(block.runs);
    if (block.deletions.length > 0) words = block.deletions.map((proposal) => this.bracket(proposal, words)).join(" ");
    return `<p>${words}${block.reservations.map((reservation) => this.note(reservationNote(reservation))).join("")}</p>`;
  }

  write(): string {
    const { draft } = this;
    if (draft.view === ExportView.compilation) throw new RangeError("Akoma Ntoso is written for the clean or bracketed text, not the compilation");
    const leading: string[] = [];
    const body = new BodyBuilder();
    let started = false;
    let sections = 0;
    for (const block of draft.blocks) {
      switch (block.type) {
        case "preamble":
          if (!started) leading.push(this.paragraphText(block));
          else body.leaf(`<hcontainer name="unnumbered" eId="${this.eId(`hcontainer_${idPart(block.pid)}`)}"><content>${this.paragraphText(block)}</content></hcontainer>`);
          break;
        case "heading":
          started = true;
          body.section(block.level, this.eId(`sec_${++sections}`), this.runs(block.runs));
          break;
        case "paragraph": {
          started = true;
          const eId = this.eId(`para_${idPart(block.number)}`);
          body.paragraph(`<paragraph eId="${eId}"><num>${e(block.number)}.</num>`, this.paragraphText(block), eId);
          break;
        }
        case "added": {
          started = true;
          const eId = this.eId(`para_${idPart(block.number)}`);
          const refersTo = block.proposal.sponsors.map((state) => `#${e(state)}`).join(" ");
          body.paragraph(`<paragraph eId="${eId}" class="proposed" refersTo="${refersTo}"><num>${e(block.number)}.</num>`, `<p>${this.bracket(block.proposal, "")}</p>`, eId);
          break;
        }
        case "subitem":
          started = true;
          body.point(block.level, (parent) => this.eId(`${parent}__point_${idPart(block.label)}`), `<num>${e(block.label)}</num>`, this.paragraphText(block));
          break;
        default:
          assertNever(block);
      }
    }
    if (draft.orphans.length > 0) {
      const items = draft.orphans.map(({ proposal, quote }) => `<p>${this.bracket(proposal, e(quote))} (was on “${e(quote)}”)</p>`).join("");
      body.leaf(`<hcontainer name="orphanedProposals" eId="${this.eId("hcontainer_orphans")}"><heading>${e(ORPHANS_TITLE)}</heading><content>${items}</content></hcontainer>`);
    }
    const main = body.close();
    const title = `<preface><p class="title"><docTitle>${e(draft.meta.title)}</docTitle></p>${draft.meta.symbol ? `<p class="symbol"><docNumber>${e(draft.meta.symbol)}</docNumber></p>` : ""}</preface>`;
    return (
      `<?xml version="1.0" encoding="UTF-8"?>\n` +
      `<akomaNtoso xmlns="${AKN_NAMESPACE}"><doc name="report">` +
      `<meta>${identification(draft)}${references(this.states)}</meta>` +
      title +
      (leading.length > 0 ? `<preamble>${leading.join("")}</preamble>` : "") +
      `<mainBody>${main || "<p/>"}</mainBody>` +
      `</doc></akomaNtoso>\n`
    );
  }
}

/**
 * Builds `<mainBody>`'s nesting: sections by heading level, a paragraph open until the next one,
 * and its sub-items as `<point>`s (level 2 inside level 1). A paragraph with sub-items holds its own
 * words in `<intro>`, as the schema asks of a hierarchy with children.
 */
class BodyBuilder {
  private out = "";
  private sections: number[] = [];
  private open: { head: string; text: string; eId: string; points: Array<{ head: string; text: string; children: string[]; eId: string }> } | null = null;

  section(level: number, eId: string, heading: string): void {
    this.closeParagraph();
    while (this.sections.length > 0 && this.sections.at(-1)! >= level) {
      this.out += this.sections.length > 1 ? "</subsection>" : "</section>";
      this.sections.pop();
    }
    this.out += `<${this.sections.length > 0 ? "subsection" : "section"} eId="${eId}"><heading>${heading}</heading>`;
    this.sections.push(level);
  }

  /** Opens a paragraph: `head` is its start tag and number, `text` its words as a `<p>`. */
  paragraph(head: string, text: string, eId: string): void {
    this.closeParagraph();
    this.open = { head, text, eId, points: [] };
  }

  point(level: number, eIdOf: (parent: string) => string, head: string, text: string): void {
    const paragraph = this.open;
    if (!paragraph) {
      // A sub-item with no paragraph before it stands on its own.
      const eId = eIdOf("body");
      this.out += `<point eId="${eId}">${head}<content>${text}</content></point>`;
      return;
    }
    const parent = paragraph.points.at(-1);
    if (level >= 2 && parent) {
      parent.children.push(`<point eId="${eIdOf(parent.eId)}">${head}<content>${text}</content></point>`);
    } else {
      paragraph.points.push({ head, text, children: [], eId: eIdOf(paragraph.eId) });
    }
  }

  leaf(xml: string): void {
    this.closeParagraph();
    this.out += xml;
  }

  private closeParagraph(): void {
    const paragraph = this.open;
    if (!paragraph) return;
    if (paragraph.points.length === 0) {
      this.out += `${paragraph.head}<content>${paragraph.text}</content></paragraph>`;
    } else {
      const points = paragraph.points
        .map((point) =>
          point.children.length === 0
            ? `<point eId="${point.eId}">${point.head}<content>${point.text}</content></point>`
            : `<point eId="${point.eId}">${point.head}<intro>${point.text}</intro>${point.children.join("")}</point>`,
        )
        .join("");
      this.out += `${paragraph.head}<intro>${paragraph.text}</intro>${points}</paragraph>`;
    }
    this.open = null;
  }

  close(): string {
    this.closeParagraph();
    while (this.sections.length > 0) {
      this.out += this.sections.length > 1 ? "</subsection>" : "</section>";
      this.sections.pop();
    }
    return this.out;
  }
}

/** `draft` (its clean or bracketed view) as an Akoma Ntoso 3.0 XML document. */
export function writeAkomaNtoso(draft: ExportDraft): string {
  return new AknWriter(draft).write();
}
