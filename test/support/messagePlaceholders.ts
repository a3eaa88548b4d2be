/** The placeholders of a compiled ICU message, for tests that hold a catalog to the values its callers give. */
import { TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";

/** The names of a message's placeholders, nested ones included. */
export function placeholderNames(elements: MessageFormatElement[], found = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (element.type === TYPE.literal || element.type === TYPE.pound) continue;
    if (element.type === TYPE.tag) {
      placeholderNames(element.children, found);
      continue;
    }
    found.add(element.value);
    if (element.type === TYPE.plural || element.type === TYPE.select) for (const option of Object.values(element.options)) placeholderNames(option.value, found);
  }
  return found;
}
