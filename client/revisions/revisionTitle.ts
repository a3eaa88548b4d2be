/**
 * How the page names a published revision: its label and the date it bears, "Rev.1 of 2 December
 * 2026", the way a UN document is cited.
 */

/** The date a revision bears, `YYYY-MM-DD`, in words: "2 December 2026". */
export function dateInWords(day: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return day;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  // The day as written, whatever the reader's time zone: the date is a calendar day, not an instant.
  return new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(date);
}

/** "Rev.1 of 2 December 2026". */
export function revisionTitle(revision: { label: string; date: string }): string {
  return `${revision.label} of ${dateInWords(revision.date)}`;
}
