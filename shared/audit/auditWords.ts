/**
 * What an audit entry keeps of a write besides who and when (DESIGN.md section 8): for a change to
 * the chair's text, each touched paragraph's words before and after; for a record, what the record
 * says. Excerpts are cut to a window around the change, so a keystroke in a long paragraph stores
 * a few hundred characters, not the paragraph twice.
 */

/**
 * One paragraph's words before and after a change. `before` and `after` are the same stretch of
 * the old and the new text: `start` characters precede it and `rest` follow it, unchanged (both 0:
 * the whole paragraph). `before` is null for a paragraph the change added, `after` for one it removed.
 */
export interface ParagraphWords {
  pid: string;
  start: number;
  rest: number;
  before: string | null;
  after: string | null;
  /** The changed words were longer than the audit keeps: the excerpts end early. */
  cut?: true;
}

/** A record written (`value`) or deleted (`value` null), as the audit keeps it. */
export interface RecordWords {
  root: string;
  key: string;
  value: unknown;
}

/** The words of one audit entry. */
export interface AuditWords {
  paragraphs?: ParagraphWords[];
  records?: RecordWords[];
  /** Paragraphs or records left out because the write touched more than one entry keeps. */
  omitted?: number;
}

/** A paragraph no longer than this is kept whole; a longer one as a window around the change. */
export const WHOLE_PARAGRAPH_CHARS = 600;

/** Unchanged characters kept on each side of a change in a long paragraph. */
export const CONTEXT_CHARS = 120;

/** Changed characters kept of each side of one paragraph's change. */
export const MAX_CHANGED_CHARS = 4000;

/** Paragraphs and records one entry keeps (a paste of the whole text touches them all). */
export const MAX_WORDS_PER_ENTRY = 50;

/** How far a window's edge moves to reach a word boundary. */
const WORD_REACH = 30;

function commonPrefix(a: string, b: string): number {
  const most = Math.min(a.length, b.length);
  let at = 0;
  while (at < most && a.charCodeAt(at) === b.charCodeAt(at)) at++;
  return at;
}

function commonSuffix(a: string, b: string, most: number): number {
  let at = 0;
  while (at < most && a.charCodeAt(a.length - 1 - at) === b.charCodeAt(b.length - 1 - at)) at++;
  return at;
}

/** A window edge moved back to the start of its word (and off a surrogate pair's second half). */
function startOfWord(text: string, at: number): number {
  for (let back = 0; back < WORD_REACH && at - back > 0; back++) if (/\s/.test(text[at - back - 1]!)) return at - back;
  return /[\uDC00-\uDFFF]/.test(text[at] ?? "") ? at - 1 : at;
}

/** The most characters a window may leave after itself so that it ends at a word's end. */
function endOfWord(text: string, rest: number): number {
  const end = text.length - rest;
  for (let ahead = 0; ahead < WORD_REACH && end + ahead < text.length; ahead++) if (/\s/.test(text[end + ahead]!)) return text.length - end - ahead;
  return /[\uDC00-\uDFFF]/.test(text[end] ?? "") ? rest - 1 : rest;
}

function cutTo(text: string): { text: string; cut: boolean } {
  return text.length > MAX_CHANGED_CHARS ? { text: text.slice(0, MAX_CHANGED_CHARS), cut: true } : { text, cut: false };
}

/** The words an audit entry keeps of paragraph `pid` going from `before` to `after` (null: absent). */
export function paragraphWords(pid: string, before: string | null, after: string | null): ParagraphWords {
  if (before === null || after === null) {
    const whole = cutTo((before ?? after)!);
    const rest = (before ?? after)!.length - whole.text.length;
    return { pid, start: 0, rest, before: before === null ? null : whole.text, after: after === null ? null : whole.text, ...(whole.cut ? { cut: true as const } : {}) };
  }
  if (Math.max(before.length, after.length) <= WHOLE_PARAGRAPH_CHARS) return { pid, start: 0, rest: 0, before, after };
  const prefix = commonPrefix(before, after);
  const suffix = commonSuffix(before, after, Math.min(before.length, after.length) - prefix);
  const start = prefix > CONTEXT_CHARS ? Math.min(startOfWord(before, prefix - CONTEXT_CHARS), startOfWord(after, prefix - CONTEXT_CHARS)) : 0;
  const rest = suffix > CONTEXT_CHARS ? Math.max(0, Math.min(endOfWord(before, suffix - CONTEXT_CHARS), endOfWord(after, suffix - CONTEXT_CHARS))) : 0;
  const old = cutTo(before.slice(start, before.length - rest));
  const now = cutTo(after.slice(start, after.length - rest));
  return { pid, start, rest, before: old.text, after: now.text, ...(old.cut || now.cut ? { cut: true as const } : {}) };
}

/**
 * The words of two changes of one paragraph in a row (`older` then `newer`) as one change, or null
 * when their windows do not meet or do not describe the same text in between.
 */
export function mergeParagraphWords(older: ParagraphWords, newer: ParagraphWords): ParagraphWords | null {
  if (older.pid !== newer.pid || older.cut || newer.cut || older.after === null || newer.before === null) return null;
  const length = older.start + older.after.length + older.rest;
  if (newer.start + newer.before.length + newer.rest !== length) return null;
  const [a1, b1, a2, b2] = [older.start, length - older.rest, newer.start, length - newer.rest];
  if (a2 > b1 || a1 > b2) return null;
  const from = Math.min(a1, a2);
  const to = Math.max(b1, b2);
  const overlapFrom = Math.max(a1, a2);
  const overlapTo = Math.min(b1, b2);
  if (older.after.slice(overlapFrom - a1, overlapTo - a1) !== newer.before.slice(overlapFrom - a2, overlapTo - a2)) return null;
  // The text between the two changes, over both windows.
  const between = a1 <= a2 ? older.after + (b2 > b1 ? newer.before.slice(b1 - a2) : "") : newer.before + (b1 > b2 ? older.after.slice(b2 - a1) : "");
  return {
    pid: older.pid,
    start: from,
    rest: length - to,
    before: older.before === null ? null : between.slice(0, a1 - from) + older.before + between.slice(b1 - from),
    after: newer.after === null ? null : between.slice(0, a2 - from) + newer.after + between.slice(b2 - from),
  };
}
