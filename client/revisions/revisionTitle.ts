/**
 * How the page names a published revision: its label and the date it bears, "Rev.1 of 2 December
 * 2026", the way a UN document is cited, in the UI language (the label is data and stays as written).
 */
import { formatCalendarDay } from "../i18n/formatDates";
import { t } from "../i18n/localize";

/** "Rev.1 of 2 December 2026". */
export function revisionTitle(revision: { label: string; date: string }): string {
  return t("revisions.title", { label: revision.label, date: formatCalendarDay(revision.date) });
}
