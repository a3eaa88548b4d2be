/**
 * Properties of numbering during a round: a revision is published from a random text, the chair
 * then adds, deletes and moves blocks at random, and the numbers must hold as the UN keeps them.
 */
import fc from "fast-check";
import type { RevisionNumbers } from "../../schemas/records";
import { labelSequence, toLetter, toRoman, type NumberedBlock } from "../../shared/numbering";

const KINDS: NumberedBlock[] = [
  { type: "paragraph", level: null, pid: null },
  { type: "subitem", level: 1, pid: null },
  { type: "subitem", level: 2, pid: null },
  { type: "heading", level: 2, pid: null },
  { type: "preamble", level: null, pid: null },
];

/** A block of one of the five kinds, paragraphs the likeliest. */
const kind = fc.constantFrom(0, 0, 0, 0, 1, 1, 2, 3, 4).map((index) => KINDS[index]!);

/** A text of up to 40 blocks with pids b0, b1…. */
const text = fc.array(kind, { maxLength: 40 }).map((kinds) => kinds.map((block, index) => ({ ...block, pid: `b${index}` })));

/** What the chair does between two revisions. */
type Edit =
  | { op: "insert"; at: number; block: NumberedBlock }
  | { op: "delete"; at: number }
  | { op: "move"; from: number; to: number };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ op: fc.constant("insert" as const), at: fc.nat(), block: kind }),
  fc.record({ op: fc.constant("delete" as const), at: fc.nat() }),
  fc.record({ op: fc.constant("move" as const), from: fc.nat(), to: fc.nat() }),
);

/** The numbers a revision of `blocks` records when it is published: 1…N by position, by pid. */
function publish(blocks: NumberedBlock[]): RevisionNumbers {
  const labels = labelSequence(blocks, null);
  return Object.fromEntries(blocks.flatMap((block, index) => (labels[index] === null ? [] : [[block.pid!, labels[index]!]])));
}

/** Where a block's list starts: a paragraph, heading or preamble, and for a sub-sub-item its sub-item. */
function isListHead(block: NumberedBlock, level: number | null): boolean {
  if (block.type !== "subitem") return true;
  return level === 2 && block.level !== 2;
}

/** The end of a paragraph (or heading) and its sub-items: what moves together when it is moved. */
function unitEnd(blocks: readonly NumberedBlock[], start: number): number {
  let end = start + 1;
  while (blocks[end]?.type === "subitem") end++;
  return end;
}

/** Indices before which a paragraph with its sub-items can go without splitting a list: before another paragraph or heading, or at the end. */
function unitPlaces(blocks: readonly NumberedBlock[]): number[] {
  // Not before sub-items that open the text: they would join the moved unit's list.
  return [...blocks.flatMap((block, index) => (block.type !== "subitem" ? [index] : [])), blocks.length];
}

/**
 * Applies `edits` to `blocks`. Blocks are inserted and single blocks moved anywhere, unless
 * `listsIntact`: then a paragraph (or heading) moves with its sub-items between other such units,
 * and only a sub-sub-item is inserted inside a list, so no sub-item is cut off from its list and
 * later put back behind others (which no rule could tell apart from the list's own).
 */
function applyEdits(blocks: readonly NumberedBlock[], edits: readonly Edit[], listsIntact: boolean): NumberedBlock[] {
  const out = [...blocks];
  edits.forEach((change, serial) => {
    if (change.op === "insert") {
      const block = { ...change.block, pid: `n${serial}` };
      if (!listsIntact || block.level === 2) out.splice(change.at % (out.length + 1), 0, block);
      else out.splice(unitPlaces(out)[change.at % unitPlaces(out).length]!, 0, block);
    } else if (out.length === 0) {
      return;
    } else if (change.op === "delete") {
      out.splice(change.at % out.length, 1);
    } else if (!listsIntact) {
      const [moved] = out.splice(change.from % out.length, 1);
      out.splice(change.to % (out.length + 1), 0, moved!);
    } else {
      const starts = out.flatMap((block, index) => (block.type !== "subitem" ? [index] : []));
      if (starts.length === 0) return;
      const start = starts[change.from % starts.length]!;
      const unit = out.splice(start, unitEnd(out, start) - start);
      const places = unitPlaces(out);
      out.splice(places[change.to % places.length]!, 0, ...unit);
    }
  });
  return out;
}

/** The pid of the block each block's list belongs to ("start" before any), as the numbering groups them. */
function listParents(blocks: readonly NumberedBlock[]): string[] {
  return blocks.map((block, index) => {
    if (block.type !== "subitem") return "";
    for (let before = index - 1; before >= 0; before--) if (isListHead(blocks[before]!, block.level)) return blocks[before]!.pid!;
    return "start";
  });
}

/** Today's rule before revisions, kept as it was: numbers by position. */
function positionalRule(blocks: readonly NumberedBlock[]): Array<string | null> {
  let paragraph = 0;
  let item = 0;
  let subItem = 0;
  return blocks.map((block) => {
    if (block.type === "paragraph") {
      paragraph++;
      item = subItem = 0;
      return String(paragraph);
    }
    if (block.type === "subitem" && block.level === 2) return `(${toRoman(++subItem)})`;
    if (block.type === "subitem") {
      subItem = 0;
      return `(${toLetter(++item)})`;
    }
    item = subItem = 0;
    return null;
  });
}

const RUNS = { numRuns: 300 };

describe("numbers during a round", () => {
  it("with no revision published, number by position exactly as before", () => {
    fc.assert(fc.property(text, fc.array(edit, { maxLength: 20 }), (blocks, edits) => {
      const edited = applyEdits(blocks, edits, false);
      expect(labelSequence(edited, null)).toEqual(positionalRule(edited));
    }), RUNS);
  });

  it("number a text just published as the revision numbered it", () => {
    fc.assert(fc.property(text, (blocks) => {
      expect(labelSequence(blocks, publish(blocks))).toEqual(labelSequence(blocks, null));
    }), RUNS);
  });

  it("keep every surviving paragraph's number, give each paragraph its own, and never reuse a deleted one, however blocks move", () => {
    fc.assert(fc.property(text, fc.array(edit, { maxLength: 20 }), (blocks, edits) => {
      const baseline = publish(blocks);
      const edited = applyEdits(blocks, edits, false);
      const labels = labelSequence(edited, baseline);
      const paragraphLabels: string[] = [];
      edited.forEach((block, index) => {
        const label = labels[index];
        if (block.type !== "paragraph") return;
        paragraphLabels.push(label!);
        const own = baseline[block.pid!];
        if (own !== undefined && !own.startsWith("(")) expect(label).toBe(own);
        // A number the revision gave belongs to its paragraph alone, deleted or not.
        else expect(Object.values(baseline)).not.toContain(label);
      });
      expect(new Set(paragraphLabels).size).toBe(paragraphLabels.length);
    }), RUNS);
  });

  it("give each sub-item a label of its own within its list, however blocks move", () => {
    fc.assert(fc.property(text, fc.array(edit, { maxLength: 20 }), (blocks, edits) => {
      const edited = applyEdits(blocks, edits, false);
      const labels = labelSequence(edited, publish(blocks));
      const parents = listParents(edited);
      const seen = new Set<string>();
      edited.forEach((block, index) => {
        if (block.type !== "subitem") return;
        const key = `${parents[index]} ${block.level === 2 ? "roman" : "letter"} ${labels[index]}`;
        expect(seen.has(key)).toBe(false);
        seen.add(key);
      });
    }), RUNS);
  });

  it("keep the label of every surviving sub-item still in the list it stood in, when paragraphs move with their sub-items and lists are not cut", () => {
    fc.assert(fc.property(text, fc.array(edit, { maxLength: 20 }), (blocks, edits) => {
      const baseline = publish(blocks);
      const parentBefore = new Map(listParents(blocks).map((parent, index) => [blocks[index]!.pid!, parent]));
      const edited = applyEdits(blocks, edits, true);
      const labels = labelSequence(edited, baseline);
      const parents = listParents(edited);
      // A sub-item's label holds while its list does: its paragraph, heading or sub-item is the one it had, itself holding.
      const holding = new Set<string>(["start"]);
      edited.forEach((block, index) => {
        const pid = block.pid!;
        if (block.type !== "subitem") {
          if (!pid.startsWith("n")) holding.add(pid);
          return;
        }
        if (pid.startsWith("n") || parentBefore.get(pid) !== parents[index] || !holding.has(parents[index]!)) return;
        expect(labels[index]).toBe(baseline[pid]);
        holding.add(pid);
      });
    }), RUNS);
  });
});
