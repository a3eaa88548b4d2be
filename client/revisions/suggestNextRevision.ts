/**
 * What the chair's *Publish revision* form offers before anyone types: the label that most likely
 * comes next (after "Rev.1", "Rev.2"; after "Pre-draft" or "Zero draft", "Rev.1"), the document
 * symbol under that label (A/AC.292/2025/CRP.1/Rev.2) and today's date. The chair changes any of it.
 */

/** The form's first values. */
export interface RevisionSuggestion {
  label: string;
  symbol: string;
  /** `YYYY-MM-DD`. */
  date: string;
}

/** What the suggestion is made from. */
export interface SuggestionSource {
  /** The label of the revision published last; null before the first. */
  latestLabel: string | null;
  /** The draft's revision label in `meta` ("Pre-draft"), which names the text before any revision. */
  metaRevision: string | null;
  /** The draft's document symbol in `meta`. */
  metaSymbol: string | null;
  today: Date;
}

/** "Rev.1", "Rev. 2", "Revision 3", "rev.4": the words before the number, and the number. */
const NUMBERED_LABEL = /^(.*?\brev(?:ision)?\.?\s*)(\d{1,4})\s*$/i;

/** A symbol's revision suffix: "/Rev.1". */
const SYMBOL_REVISION = /\/Rev\.\d{1,4}$/i;

/** The label after `previous`: its number plus one, or "Rev.1" after an unnumbered one (Pre-draft, Zero draft) or none. */
export function nextRevisionLabel(previous: string | null): string {
  const match = NUMBERED_LABEL.exec(previous?.trim() ?? "");
  if (!match) return "Rev.1";
  return `${match[1]!}${Number(match[2]!) + 1}`;
}

/** The document symbol a revision labelled `label` is issued under: the draft's symbol with "/Rev.N" (replacing an older one). */
export function revisionSymbol(symbol: string | null, label: string): string {
  const base = (symbol ?? "").trim().replace(SYMBOL_REVISION, "");
  if (!base) return "";
  const number = NUMBERED_LABEL.exec(label.trim())?.[2];
  return number ? `${base}/Rev.${number}` : base;
}

/** `date` as `YYYY-MM-DD` in the person's own time zone: the day they see on their calendar. */
export function localDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The form's first values for the next revision. */
export function suggestNextRevision({ latestLabel, metaRevision, metaSymbol, today }: SuggestionSource): RevisionSuggestion {
  const label = nextRevisionLabel(latestLabel ?? metaRevision);
  return { label, symbol: revisionSymbol(metaSymbol, label), date: localDay(today) };
}
