/** A state picker that shows each state's name with its code ("Cuba (CUB)"), sorted by name as the UN lists them. */
import { STATES } from "../../shared/states";
import { localText } from "../i18n/localizedElements";
import { el } from "./dom";

/** The words the picker shows for a state. */
export function stateChoiceWords(code: string, name: string): string {
  return `${name} (${code})`;
}

/** A `<select>` of every state, starting with a prompt to choose one (value ""). */
export function statePicker(selected?: string | null): HTMLSelectElement {
  const picker = el("select", { className: "state-picker" }, el("option", { value: "" }, localText("desk.chooseState")));
  for (const state of STATES) {
    picker.append(el("option", { value: state.code, textContent: stateChoiceWords(state.code, state.name), selected: state.code === selected }));
  }
  return picker;
}
