/**
 * How a running silence procedure stands before its deadline, read from the published statuses: a
 * state that objects to a covered paragraph breaks silence at once, on that paragraph; a procedure
 * broken on every paragraph it covers can adopt nothing.
 */
import * as Y from "yjs";
import { StanceKind, type SilenceProcedure } from "../../../schemas/records";
import { draftConsensus } from "../../../shared/consensus/consensusStatus";
import { runningSilencesOn, silenceProcedures, silenceStanding, startSilence } from "../../../shared/consensus/silenceProcedure";
import { setStance } from "../../../shared/consensus/stanceWrites";
import { PROGRESS_KEY, TextRoot } from "../../../shared/documentLayout";
import { doc, h, p } from "../../support/dsl";
import { pidAt, yDraft } from "../../support/yDraft";

const NOW = new Date("2025-03-03T10:00:00Z");
const DEADLINE = new Date("2025-03-06T10:00:00Z");

function setup() {
  const text = yDraft(doc(h(1, "A. Introduction"), p("First paragraph."), p("Second paragraph."), p("Third paragraph.")));
  const floor = new Y.Doc();
  const [first, second, third] = [pidAt(text, 1), pidAt(text, 2), pidAt(text, 3)];
  /** The status map's entries as the server would publish them now. */
  const statuses = (): Array<[string, unknown]> => {
    const { paragraphs, progress } = draftConsensus(text, floor);
    return [...paragraphs, [PROGRESS_KEY, progress]];
  };
  const procedure = (key: string) => text.getMap<SilenceProcedure>(TextRoot.decisions).get(key)!;
  return { text, floor, first, second, third, statuses, procedure };
}

describe("a running silence procedure's standing", () => {
  it("is unbroken while no state objects to a paragraph it covers", () => {
    const { text, floor, first, second, third, statuses, procedure } = setup();
    const key = startSilence(text, [first, second], DEADLINE, NOW);
    setStance(floor, "CUB", third, StanceKind.object, "Not covered by the procedure.");
    expect(silenceStanding(procedure(key), statuses())).toEqual({ broken: new Map(), brokenBy: [], wholly: false });
  });

  it("is broken by SLV at once when SLV objects to the one paragraph it covers", () => {
    const { text, floor, second, statuses, procedure } = setup();
    const key = startSilence(text, [second], DEADLINE, NOW);
    setStance(floor, "SLV", second, StanceKind.object, "We break silence.");
    expect(silenceStanding(procedure(key), statuses())).toEqual({ broken: new Map([[second, ["SLV"]]]), brokenBy: ["SLV"], wholly: true });
  });

  it("is broken on one paragraph of the whole draft, and the others stay under silence", () => {
    const { text, floor, first, second, statuses, procedure } = setup();
    const key = startSilence(text, "all", DEADLINE, NOW);
    setStance(floor, "SLV", second, StanceKind.object, "We break silence.");
    setStance(floor, "CUB", second, StanceKind.object, "So do we.");
    setStance(floor, "UZB", first, StanceKind.reserve);
    const standing = silenceStanding(procedure(key), statuses());
    expect(standing).toEqual({ broken: new Map([[second, ["CUB", "SLV"]]]), brokenBy: ["CUB", "SLV"], wholly: false });
  });

  it("is unbroken again once the objection is withdrawn", () => {
    const { text, floor, second, statuses, procedure } = setup();
    const key = startSilence(text, [second], DEADLINE, NOW);
    setStance(floor, "SLV", second, StanceKind.object, "We break silence.");
    setStance(floor, "SLV", second, StanceKind.none);
    expect(silenceStanding(procedure(key), statuses()).brokenBy).toEqual([]);
  });
});

describe("the running procedures on a paragraph", () => {
  it("are those that cover it, by list or as the whole draft, and not those settled", () => {
    const { text, first, second, third } = setup();
    const onFirst = startSilence(text, [first], DEADLINE, NOW);
    const onAll = startSilence(text, "all", DEADLINE, NOW);
    const [settledKey] = silenceProcedures(text).find(([key]) => key === onFirst)!;
    const decisions = text.getMap<SilenceProcedure>(TextRoot.decisions);
    expect(runningSilencesOn(text, first).map(([key]) => key).sort()).toEqual([onFirst, onAll].sort());
    expect(runningSilencesOn(text, third).map(([key]) => key)).toEqual([onAll]);
    decisions.set(settledKey, { ...decisions.get(settledKey)!, outcome: { settledAt: DEADLINE.toISOString(), adopted: [first], brokenBy: [] } });
    expect(runningSilencesOn(text, first).map(([key]) => key)).toEqual([onAll]);
    expect(runningSilencesOn(text, second).map(([key]) => key)).toEqual([onAll]);
  });
});
