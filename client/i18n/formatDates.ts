/**
 * Dates, times and countdowns in the reader's language and time zone. A record's time is stored in
 * UTC; the page shows it where the reader is. A revision's date (a calendar day, not an instant)
 * is shown as that day everywhere.
 */
import { uiLanguage } from "./localize";

/** An instant, as a `Date` or an ISO 8601 string. */
export type Instant = Date | string;

function asDate(value: Instant): Date {
  return typeof value === "string" ? new Date(value) : value;
}

/** A day and a time ("2 Dec 2026, 14:05"), in the reader's time zone. */
export function formatDateTime(value: Instant): string {
  return new Intl.DateTimeFormat(uiLanguage(), { dateStyle: "medium", timeStyle: "short" }).format(asDate(value));
}

/** A deadline: day, time and the time zone's name, so a delegation in another capital is not misled. */
export function formatDeadline(value: Instant): string {
  return new Intl.DateTimeFormat(uiLanguage(), { year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", timeZoneName: "short" }).format(asDate(value));
}

/** A calendar day ("2 December 2026") given as `YYYY-MM-DD`, the same day in every time zone. */
export function formatCalendarDay(day: string): string {
  return new Intl.DateTimeFormat(uiLanguage(), { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(`${day}T00:00:00Z`));
}

/** How far `to` is from `from`, in words ("in 3 hours", "5 minutes ago"), at the largest unit that fits. */
export function formatCountdown(to: Instant, from: Instant = new Date()): string {
  const seconds = Math.round((asDate(to).getTime() - asDate(from).getTime()) / 1000);
  const units: Array<[Intl.RelativeTimeFormatUnit, number]> = [
    ["day", 86_400],
    ["hour", 3_600],
    ["minute", 60],
  ];
  const format = new Intl.RelativeTimeFormat(uiLanguage(), { numeric: "auto" });
  for (const [unit, size] of units) if (Math.abs(seconds) >= size) return format.format(Math.trunc(seconds / size), unit);
  return format.format(seconds, "second");
}

/** A number in the reader's language (Arabic digits stay Western unless the locale says otherwise). */
export function formatNumber(value: number): string {
  return new Intl.NumberFormat(uiLanguage()).format(value);
}

/** A length of time in the reader's language ("2 days 3 hours", "2 jours 3 heures"), each unit given that is not zero. */
export function formatDuration(amounts: Readonly<Partial<Record<"day" | "hour" | "minute", number>>>): string {
  const language = uiLanguage();
  const words = (["day", "hour", "minute"] as const)
    .filter((unit) => amounts[unit])
    .map((unit) => new Intl.NumberFormat(language, { style: "unit", unit, unitDisplay: "long" }).format(amounts[unit]!));
  return new Intl.ListFormat(language, { type: "unit", style: "narrow" }).format(words);
}
