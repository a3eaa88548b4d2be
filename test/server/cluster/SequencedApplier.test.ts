/**
 * A process applies a room's committed updates in sequence order, exactly once each, whatever the
 * doorbell does: rings out of order, twice, without bytes, or never; gaps are filled from the log.
 */
import fc from "fast-check";
import { SequencedApplier, type SequencedUpdate } from "../../../server/cluster/SequencedApplier";

function bytesOf(seq: number): Uint8Array {
  return new Uint8Array([seq % 256, Math.floor(seq / 256)]);
}

/** A log of `length` updates, read after an optional number of turns' delay each time. */
function logOf(length: number, delays: () => number = () => 0) {
  const entries: SequencedUpdate[] = Array.from({ length }, (_, index) => ({ seq: index + 1, update: bytesOf(index + 1) }));
  let fetches = 0;
  return {
    entries,
    get fetches() {
      return fetches;
    },
    async fetchAfter(seq: number): Promise<SequencedUpdate[]> {
      fetches += 1;
      for (let turn = delays(); turn > 0; turn--) await Promise.resolve();
      return entries.filter((entry) => entry.seq > seq);
    },
  };
}

describe("SequencedApplier", () => {
  it("applies rung bytes in order without reading the log when nothing is missing", async () => {
    const log = logOf(3);
    const applied: number[] = [];
    const applier = new SequencedApplier(0, { apply: ({ seq }) => applied.push(seq), fetchAfter: (seq) => log.fetchAfter(seq) });
    await applier.ring(1, bytesOf(1));
    await applier.ring(2, bytesOf(2));
    await applier.ring(3, bytesOf(3));
    expect(applied).toEqual([1, 2, 3]);
    expect(log.fetches).toBe(0);
  });

  it("holds an update rung ahead of a gap until the gap is filled from the log", async () => {
    const log = logOf(3);
    const applied: Array<[number, number]> = [];
    const applier = new SequencedApplier(0, { apply: ({ seq, update }) => applied.push([seq, update[0]!]), fetchAfter: (seq) => log.fetchAfter(seq) });
    await applier.ring(3, bytesOf(3));
    expect(applied).toEqual([
      [1, 1],
      [2, 2],
      [3, 3],
    ]);
    expect(applier.appliedThrough).toBe(3);
  });

  it("takes a compacted state that stands for several updates, and skips what it already covers", async () => {
    const merged = { seq: 5, update: bytesOf(99) };
    const applied: number[] = [];
    const applier = new SequencedApplier(2, { apply: ({ seq }) => applied.push(seq), fetchAfter: async () => [merged, { seq: 6, update: bytesOf(6) }] });
    await applier.ring(4, bytesOf(4));
    expect(applied).toEqual([5, 6]);
    await applier.ring(5, bytesOf(5));
    expect(applied).toEqual([5, 6]);
  });

  it("counts an update this process committed without applying it again, even when it came before a gap", async () => {
    const log = logOf(3);
    const applied: number[] = [];
    const applier = new SequencedApplier(0, { apply: ({ seq }) => applied.push(seq), fetchAfter: (seq) => log.fetchAfter(seq) });
    await applier.committedHere(2);
    await applier.ring(2, bytesOf(2));
    await applier.ring(3, bytesOf(3));
    expect(applied).toEqual([1, 3]);
    expect(applier.appliedThrough).toBe(3);
  });

  it("refuses a sequence number that is not a non-negative integer", () => {
    const applier = new SequencedApplier(0, { apply: () => undefined, fetchAfter: async () => [] });
    expect(() => applier.ring(-1)).toThrow(RangeError);
    expect(() => applier.ring(1.5)).toThrow(/1.5/);
  });

  it("reports a failed fetch and catches up at the next head check", async () => {
    const log = logOf(2);
    let down = true;
    const errors: unknown[] = [];
    const applied: number[] = [];
    const applier = new SequencedApplier(0, {
      apply: ({ seq }) => applied.push(seq),
      fetchAfter: async (seq) => {
        if (down) throw new Error("the database is down");
        return log.fetchAfter(seq);
      },
      onFetchError: (error) => errors.push(error),
    });
    await applier.ring(2);
    expect(applied).toEqual([]);
    expect(errors).toHaveLength(1);
    down = false;
    await applier.checkHead(2);
    expect(applied).toEqual([1, 2]);
  });

  it("applies every committed update once, in order, however the rings arrive (property)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 40 }),
        fc.array(fc.record({ seq: fc.integer({ min: 1, max: 40 }), withBytes: fc.boolean(), here: fc.boolean() }), { maxLength: 80 }),
        fc.infiniteStream(fc.integer({ min: 0, max: 3 })),
        async (length, rings, delays) => {
          const log = logOf(length, () => delays.next().value);
          const applied: SequencedUpdate[] = [];
          const applier = new SequencedApplier(0, { apply: (update) => applied.push(update), fetchAfter: (seq) => log.fetchAfter(seq) });
          // Updates this process committed itself: those whose first event says so, as its own commit
          // comes before any ring of it. The copy holds them already.
          const firstSaysHere = new Map<number, boolean>();
          for (const ring of rings) if (!firstSaysHere.has(ring.seq)) firstSaysHere.set(ring.seq, ring.here);
          const here = new Set([...firstSaysHere].filter(([seq, isHere]) => isHere && seq <= length).map(([seq]) => seq));
          // Rings overlap one another and the fetches they start, as messages from Redis do.
          await Promise.all(
            rings
              .filter((ring) => ring.seq <= length)
              .map((ring) => (here.has(ring.seq) && ring.here ? applier.committedHere(ring.seq) : applier.ring(ring.seq, ring.withBytes ? bytesOf(ring.seq) : null))),
          );
          await applier.checkHead(length);
          const expected = log.entries.filter((entry) => !here.has(entry.seq));
          expect(applied.map((update) => update.seq)).toEqual(expected.map((entry) => entry.seq));
          expect(applied.map((update) => Array.from(update.update))).toEqual(expected.map((entry) => Array.from(entry.update)));
        },
      ),
      { numRuns: 300 },
    );
  });
});
