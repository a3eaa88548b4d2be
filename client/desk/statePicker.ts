/**
 * A state picker that shows each state's name in the UI language with its code ("Cuba (CUB)"),
 * sorted as readers of that language sort names, and named and sorted again when the language changes.
 */
import { compareStateNames, stateName } from "../../shared/stateNames/stateName";
import { STATES } from "../../shared/states";
import { onLanguageChange, uiLanguage } from "../i18n/localize";
import { localText } from "../i18n/localizedElements";
import { el } from "./dom";

/** The words the picker shows for a state, in the UI language. */
export function stateChoiceWords(code: string): string {
  return `${stateName(code, uiLanguage())} (${code})`;
}

/** The options `bindStateOptions` made, told apart from a picker's own (a prompt, "Everyone"). */
const stateOptions = new WeakSet<HTMLOptionElement>();

function fillStates(select: HTMLSelectElement): void {
  const chosen = select.value;
  const own = [...select.options].filter((option) => !stateOptions.has(option));
  const codes = STATES.map((state) => state.code).sort(compareStateNames(uiLanguage()));
  const choices = codes.map((code) => {
    const option = new Option(stateChoiceWords(code), code);
    stateOptions.add(option);
    return option;
  });
  select.replaceChildren(...own, ...choices);
  select.value = chosen;
}

/**
 * Puts every state in `select` after the options it has, and keeps them in the UI language, the
 * choice kept. The select is held weakly, so a picker thrown away stops listening.
 */
export function bindStateOptions(select: HTMLSelectElement): void {
  fillStates(select);
  const reference = new WeakRef(select);
  const stop = onLanguageChange(() => {
    const picker = reference.deref();
    if (picker) fillStates(picker);
    else stop();
  });
}

/** A `<select>` of every state, starting with a prompt to choose one (value ""). */
export function statePicker(selected?: string | null): HTMLSelectElement {
  const picker = el("select", { className: "state-picker" }, el("option", { value: "" }, localText("desk.chooseState")));
  bindStateOptions(picker);
  picker.value = selected ?? "";
  // A code the list does not hold leaves the prompt chosen rather than a blank picker.
  if (picker.selectedIndex < 0) picker.value = "";
  return picker;
}
