/** How the pages say a person's part in a draft: "Chair", "Delegation of Cuba", "Observer". */
import { assertNever } from "../../shared/assertNever";
import { Role } from "../../shared/roles";
import { stateName } from "../../shared/stateNames/stateName";
import { isStateCode } from "../../shared/states";
import { uiLanguage } from "../i18n/localize";

/** The words for a role (and a delegation's state); null is an organizer who is no member of the draft. */
export function roleLabel(role: Role | null, state: string | null): string {
  if (role === null) return "Secretariat (not a member)";
  switch (role) {
    case Role.chair:
      return "Chair";
    case Role.delegation:
      return `Delegation of ${state && isStateCode(state) ? stateName(state, uiLanguage()) : (state ?? "a state")}`;
    case Role.observer:
      return "Observer";
    default:
      return assertNever(role);
  }
}

/** The roles a member may be given, with their words, for a picker. */
export const ROLE_CHOICES: ReadonlyArray<readonly [Role, string]> = [
  [Role.chair, "Chair"],
  [Role.delegation, "Delegation"],
  [Role.observer, "Observer"],
];
