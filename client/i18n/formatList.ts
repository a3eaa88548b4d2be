/** A list of words ("CUB, SLV and USA") joined the way the UI language joins them. */
import { uiLanguage } from "./localize";

/** `items` as one phrase in the UI language ("a, b and c" in English, "a、b和c" in Chinese). */
export function formatList(items: readonly string[]): string {
  return new Intl.ListFormat(uiLanguage(), { type: "conjunction" }).format(items);
}
