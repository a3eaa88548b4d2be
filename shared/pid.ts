/**
 * Stable paragraph ids. Every block carries a `pid` that anchors proposals, stances and comments.
 * ProseMirror's split copies attributes, and pasting copies them too, so a pid can appear twice;
 * the rule here gives every copy after the first a fresh id derived only from the document, so
 * peers that repair the same document concurrently write the same ids and converge.
 */
import type { Node as PMNode } from "prosemirror-model";
import { textHash } from "./textHash";
import { isBlock } from "./schema";

/** What a well-formed pid looks like; anything else is treated as missing. */
export const PID_PATTERN = /^[A-Za-z0-9_-]{1,40}$/;

/** Seed for a block with no pid and no block before it. */
const FIRST_SEED = "start";

function hashId(text: string): string {
  return `p${textHash(text).slice(0, 11)}`;
}

/** A pid derived from `seed` that `taken` does not hold: the same inputs always give the same id. */
export function freshPid(seed: string, taken: ReadonlySet<string>): string {
  for (let attempt = 1; ; attempt++) {
    const pid = hashId(`${seed}#${attempt}`);
    if (!taken.has(pid)) return pid;
  }
}

/** A block whose pid must change, by its position in the document. */
export interface PidRepair {
  pos: number;
  pid: string;
}

/**
 * Lists the top-level blocks whose pid is missing, malformed or already used by an earlier block,
 * with the id each should get. The first block holding a pid keeps it, so the head of a split
 * paragraph keeps the proposals anchored to it.
 */
export function pidRepairs(doc: PMNode): PidRepair[] {
  const taken = new Set<string>();
  doc.forEach((node) => {
    const pid = node.attrs.pid;
    if (typeof pid === "string") taken.add(pid);
  });
  const seen = new Set<string>();
  const repairs: PidRepair[] = [];
  let previous = FIRST_SEED;
  doc.forEach((node, pos) => {
    if (!isBlock(node)) return;
    const pid: unknown = node.attrs.pid;
    if (typeof pid === "string" && PID_PATTERN.test(pid) && !seen.has(pid)) {
      seen.add(pid);
      previous = pid;
      return;
    }
    const seed = typeof pid === "string" && PID_PATTERN.test(pid) ? pid : `${previous}>`;
    const fresh = freshPid(seed, taken);
    taken.add(fresh);
    seen.add(fresh);
    repairs.push({ pos, pid: fresh });
    previous = fresh;
  });
  return repairs;
}

/** Returns `doc` with every repair applied: each block holds a well-formed pid no other block holds. */
export function withUniquePids(doc: PMNode): PMNode {
  const repairs = new Map(pidRepairs(doc).map((repair) => [repair.pos, repair.pid]));
  if (repairs.size === 0) return doc;
  const blocks: PMNode[] = [];
  doc.forEach((node, pos) => {
    const pid = repairs.get(pos);
    blocks.push(pid === undefined ? node : node.type.create({ ...node.attrs, pid }, node.content, node.marks));
  });
  return doc.type.create(doc.attrs, blocks);
}
