/**
 * The steps of invariant 1's schedules against real servers (one server, or a cluster): two
 * delegations state or withdraw objections, propose, the chair agrees or edits, a delegation goes
 * offline and back. Each test adds its own way of restarting.
 */
import fc from "fast-check";
import type * as Y from "yjs";
import { StanceKind, type Stance } from "../../schemas/records";
import { FloorRoot } from "../../shared/documentLayout";

/** One step a member takes. */
export type NegotiationStep =
  | { act: "stance"; who: number; block: number; object: boolean }
  | { act: "propose"; who: number; block: number }
  | { act: "agree"; block: number }
  | { act: "edit"; block: number }
  | { act: "toggle"; who: number };

/** The members' steps with their weights, for `fc.oneof` beside a test's restart step. */
export const NEGOTIATION_STEPS: Array<fc.WeightedArbitrary<NegotiationStep>> = [
  { weight: 4, arbitrary: fc.record({ act: fc.constant("stance" as const), who: fc.nat(1), block: fc.nat(1), object: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ act: fc.constant("propose" as const), who: fc.nat(1), block: fc.nat(1) }) },
  { weight: 3, arbitrary: fc.record({ act: fc.constant("agree" as const), block: fc.nat(1) }) },
  { weight: 1, arbitrary: fc.record({ act: fc.constant("edit" as const), block: fc.nat(1) }) },
  { weight: 2, arbitrary: fc.record({ act: fc.constant("toggle" as const), who: fc.nat(1) }) },
];

/** The paragraphs some state objects to in a `floor` document. */
export function objected(floor: Y.Doc): Set<string> {
  const pids = new Set<string>();
  for (const [key, stance] of floor.getMap<Stance>(FloorRoot.stances)) if (stance.stance === StanceKind.object) pids.add(key.slice(key.indexOf(":") + 1));
  return pids;
}
