import fc from "fast-check";
import type { Node as PMNode } from "prosemirror-model";
import { freshPid, pidRepairs, PID_PATTERN, withUniquePids } from "../../shared/pid";
import { schema } from "../../shared/schema";
import { doc, h, item, p } from "../support/dsl";

function pids(node: PMNode): Array<string | null> {
  const out: Array<string | null> = [];
  node.forEach((block) => out.push(block.attrs.pid));
  return out;
}

function withPids(node: PMNode, ids: Array<string | null>): PMNode {
  const blocks: PMNode[] = [];
  node.forEach((block, _offset, index) => blocks.push(block.type.create({ ...block.attrs, pid: ids[index] }, block.content)));
  return schema.node("doc", null, blocks);
}

describe("pid", () => {
  it("gives every block of a fresh document a well-formed pid", () => {
    const result = pids(withUniquePids(doc(h(1, "A"), p("one"), item(1, "a"), p("two"))));
    expect(new Set(result).size).toBe(4);
    for (const pid of result) expect(pid).toMatch(PID_PATTERN);
  });

  it("keeps the first holder of a copied pid and renames the copy, as after a split", () => {
    const split = withPids(doc(p("head"), p("tail"), p("next")), ["keep", "keep", "other"]);
    const result = pids(withUniquePids(split));
    expect(result[0]).toBe("keep");
    expect(result[1]).not.toBe("keep");
    expect(result[2]).toBe("other");
  });

  it("repairs the same document the same way on every peer", () => {
    const split = withPids(doc(p("a"), p("b"), p("c")), ["x", "x", null]);
    expect(pidRepairs(split)).toEqual(pidRepairs(split));
  });

  it("never hands out an id another block already holds", () => {
    const seed = "x";
    const taken = new Set([freshPid(seed, new Set())]);
    expect(taken.has(freshPid(seed, taken))).toBe(false);
  });

  it("treats a malformed pid as missing", () => {
    const bad = withPids(doc(p("a")), ["not a pid!"]);
    expect(pids(withUniquePids(bad))[0]).toMatch(PID_PATTERN);
  });

  it("leaves any document with all pids unique and well-formed, keeping the unique ones", () => {
    const pidPool = fc.constantFrom("a", "b", "c", "p1", "bad id", null);
    fc.assert(
      fc.property(fc.array(pidPool, { minLength: 1, maxLength: 30 }), (ids) => {
        const input = withPids(doc(...ids.map((_, i) => p(`block ${i}`))), ids);
        const output = pids(withUniquePids(input));
        expect(new Set(output).size).toBe(output.length);
        for (const pid of output) expect(pid).toMatch(PID_PATTERN);
        const seen = new Set<string>();
        ids.forEach((pid, i) => {
          if (pid !== null && PID_PATTERN.test(pid) && !seen.has(pid)) {
            seen.add(pid);
            expect(output[i]).toBe(pid);
          }
        });
        expect(pidRepairs(withUniquePids(input))).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
