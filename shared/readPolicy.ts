/**
 * Who may open which room of a draft: everyone may read `text`; `floor` (stances, comments, points of contact) is
 * for the chair and the delegations, and for observers only where the draft's policy allows.
 */
import { Room } from "./documentLayout";
import { Role } from "./roles";

/** Whether a member with `role` may read `room` of a draft whose policy is `observersReadFloor`. */
export function mayReadRoom(role: Role, room: Room, observersReadFloor: boolean): boolean {
  return room !== Room.floor || role !== Role.observer || observersReadFloor;
}
