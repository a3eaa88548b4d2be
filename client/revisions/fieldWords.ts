/** A form field's label (and hint) bound to message keys, so they follow a change of the UI language. */
import type { Field } from "../desk/dom";
import type { MessageKey } from "../i18n/messageKeys";
import { setLocalText } from "../i18n/localizedElements";

/** Binds `field`'s label to `label` and its hint, when it has one, to `hint`; returns `field`. */
export function fieldWords<F extends Field<HTMLElement>>(field: F, label: MessageKey, hint?: MessageKey): F {
  setLocalText(field.element.querySelector(".field-label")!, label);
  const hintElement = field.element.querySelector(".field-hint");
  if (hint && hintElement) setLocalText(hintElement, hint);
  return field;
}
