/**
 * The pair of fields that says what a member is: a role, and for a delegation its state (picked
 * by name). The state field shows only while the role is Delegation.
 */
import { Role, isRole } from "../../shared/roles";
import { localText } from "../i18n/localizedElements";
import { field, select, el, type Field } from "./dom";
import { ROLE_CHOICES } from "./roleWords";
import { statePicker } from "./statePicker";

/** The two fields, and what they hold. */
export interface RoleAndStateFields {
  element: HTMLElement;
  role: Field<HTMLSelectElement>;
  state: Field<HTMLSelectElement>;
  /** The chosen role and state, or null after showing the error beside the field at fault. */
  read(): { role: Role; state: string | null } | null;
}

/** Builds the fields, starting at `role` and `state`. */
export function roleAndStateFields(role: Role = Role.delegation, state: string | null = null): RoleAndStateFields {
  const roleField = field(localText("desk.role"), select(ROLE_CHOICES.map(([value, key]) => [value, localText(key)] as const), role));
  const stateField = field(localText("desk.state"), statePicker(state));
  const showState = () => {
    stateField.element.hidden = roleField.control.value !== Role.delegation;
  };
  roleField.control.addEventListener("change", () => {
    showState();
    stateField.setError(null);
  });
  showState();
  return {
    element: el("div", { className: "role-and-state" }, roleField.element, stateField.element),
    role: roleField,
    state: stateField,
    read() {
      const chosen = roleField.control.value;
      if (!isRole(chosen)) {
        roleField.setError(localText("desk.chooseRoleError"));
        return null;
      }
      if (chosen !== Role.delegation) return { role: chosen, state: null };
      if (stateField.control.value === "") {
        stateField.setError(localText("desk.chooseStateError"));
        stateField.control.focus();
        return null;
      }
      stateField.setError(null);
      return { role: chosen, state: stateField.control.value };
    },
  };
}
