/**
 * Who may write what (DESIGN.md invariant 2), in one place: the server refuses every update that
 * touches anything this function refuses, and the client uses it to hide what a user may not do.
 * A write is identified by its room, the root type it lands in, and the top-level key of that root
 * (null for the `content` fragment, which has no keys).
 */
import { ContributionsRoot, DecisionPrefix, FloorRoot, Room, TextRoot } from "./documentLayout";
import { parseRecordKey, CHAIR_OWNER } from "./recordKeys";
import { Role, type Author } from "./roles";

/** Roots each room holds; anything else is refused. */
export const ROOM_ROOTS: Readonly<Record<Room, readonly string[]>> = {
  [Room.text]: Object.values(TextRoot),
  [Room.floor]: Object.values(FloorRoot),
  [Room.contributions]: Object.values(ContributionsRoot),
};

/** Roots whose keys belong to one state each (`STATE:id`). */
const STATE_OWNED_ROOTS: ReadonlySet<string> = new Set([TextRoot.proposals, TextRoot.supports, FloorRoot.stances, FloorRoot.comments, FloorRoot.contacts, ContributionsRoot.contributions]);

/** Roots only the chair writes. */
const CHAIR_ROOTS: ReadonlySet<string> = new Set([TextRoot.content, TextRoot.meta, TextRoot.decisions]);

/**
 * Why `author` may not write `root[key]` in `room`, or null when the write is permitted.
 * Deleting a key is a write to it.
 */
export function writeRefusal(author: Author, room: Room, root: string, key: string | null): string | null {
  if (!ROOM_ROOTS[room].includes(root)) return `no root "${root.slice(0, 40)}" in the ${room} room`;
  if (root === TextRoot.content) {
    if (key !== null) return "content has no keys";
  } else if (key === null) {
    return `${root} takes only keyed records`;
  }
  if (author.role === Role.observer) return "observers write nothing";
  if (root === TextRoot.status) return "only the server writes status";
  // A published revision never changes, not even by the chair: a mistake is corrected by the next one.
  if (root === TextRoot.decisions && key!.startsWith(DecisionPrefix.revision)) return "only the server writes a published revision, which never changes";
  if (CHAIR_ROOTS.has(root)) return author.role === Role.chair ? null : `only the chair writes ${root}`;
  if (!STATE_OWNED_ROOTS.has(root)) return `no rule for ${root}`;

  const parsed = parseRecordKey(key!);
  if (!parsed) return `malformed ${root} key`;
  if (author.role === Role.chair) {
    return root === FloorRoot.comments && parsed.owner === CHAIR_OWNER ? null : `the chair writes only ${CHAIR_OWNER}: comments in ${root}`;
  }
  return parsed.owner === author.state ? null : `${author.state} may not write ${parsed.owner.slice(0, 10)}'s ${root}`;
}
