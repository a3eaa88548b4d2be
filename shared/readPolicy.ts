/**
 * Who may read what of a draft: everyone may read `text`; `floor` (stances, comments, points of
 * contact) and `contributions` are for the chair and the delegations, and for observers only where
 * the draft's policy allows, each by its own switch. Exports follow the same policy: an observer exports the clean text, and the bracketed
 * text and the compilation of proposals only where the policy opens the floor to observers.
 */
import { Room } from "./documentLayout";
import { ExportView } from "./export/exportModel";
import { Role } from "./roles";

/**
 * Whether a member with `role` may read `room` of a draft whose policy is `observersReadFloor`, and
 * `observersReadContributions` for the written contributions: a switch of its own, since the OEWG
 * posts contributions publicly while stances and comments stay among the states.
 */
export function mayReadRoom(role: Role, room: Room, observersReadFloor: boolean, observersReadContributions = false): boolean {
  if (role !== Role.observer || room === Room.text) return true;
  return room === Room.floor ? observersReadFloor : observersReadContributions;
}

/** Every view, in the order the Export menu offers them. */
export const EXPORT_VIEWS: readonly ExportView[] = [ExportView.bracketed, ExportView.clean, ExportView.compilation];

/**
 * Whether a member with `role` may export `view` of a draft whose policy is `observersReadFloor`.
 * The bracketed text and the compilation attribute every proposal to its states: the documents the
 * negotiating states circulate among themselves, which observers get only with the floor.
 */
export function mayExportView(role: Role, view: ExportView, observersReadFloor: boolean): boolean {
  return view === ExportView.clean || mayReadRoom(role, Room.floor, observersReadFloor);
}

/** The views a member may export, in menu order. */
export function exportViewsFor(role: Role, observersReadFloor: boolean): ExportView[] {
  return EXPORT_VIEWS.filter((view) => mayExportView(role, view, observersReadFloor));
}
