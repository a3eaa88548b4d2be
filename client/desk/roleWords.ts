/** How the pages say a person's part in a draft: "Chair", "Delegation of Cuba", "Observer". */
import { Role } from "../../shared/roles";
import { stateName } from "../../shared/stateNames/stateName";
import { isStateCode } from "../../shared/states";
import { t, uiLanguage, type MessageValues } from "../i18n/localize";
import type { MessageKey } from "../i18n/messageKeys";

/**
 * The values the role messages choose by (`{role, select, …}` in `desk.roleLabel` and the messages
 * that say a role inside a sentence): the role, "secretariat" for an organizer who is no member of
 * the draft (null), and a delegation's state by name.
 */
export function roleValues(role: Role | null, state: string | null): MessageValues {
  const name = state && isStateCode(state) ? stateName(state, uiLanguage()) : (state ?? "");
  return { role: role ?? "secretariat", state: name };
}

/** The words for a role (and a delegation's state), in the UI language; null is an organizer who is no member of the draft. */
export function roleLabel(role: Role | null, state: string | null): string {
  return t("desk.roleLabel", roleValues(role, state));
}

/** The roles a member may be given, with their words' keys, for a picker. */
export const ROLE_CHOICES: ReadonlyArray<readonly [Role, MessageKey]> = [
  [Role.chair, "desk.roleChair"],
  [Role.delegation, "desk.roleDelegation"],
  [Role.observer, "desk.roleObserver"],
];
