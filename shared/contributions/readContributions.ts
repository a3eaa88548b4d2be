/**
 * The written contributions of a draft as readers see them: listed with their state, grouped by the
 * section of the draft they address, and each text cut into paragraphs so an original and its
 * courtesy translation can stand side by side, paragraph by paragraph where their counts agree.
 */
import type * as Y from "yjs";
import type { Contribution, ContributionVersion } from "../../schemas/records";
import { ContributionsRoot } from "../documentLayout";
import { parseRecordKey } from "../recordKeys";
import { BlockType } from "../schema";
import { textBlocks } from "../text/blockText";
import { latestVersion } from "./contributionWrites";

/** One contribution with its key, its state and its newest version. */
export interface ListedContribution {
  key: string;
  state: string;
  record: Contribution;
  latest: ContributionVersion;
  /** When it was first submitted: its first version's date. */
  submittedAt: string;
}

/** Every contribution in `doc` (the `contributions` room), oldest first. */
export function listContributions(doc: Y.Doc): ListedContribution[] {
  const listed: ListedContribution[] = [];
  for (const [key, record] of doc.getMap<Contribution>(ContributionsRoot.contributions)) {
    const owner = parseRecordKey(key)?.owner;
    if (!owner || !Array.isArray(record?.versions) || record.versions.length === 0) continue;
    listed.push({ key, state: owner, record, latest: latestVersion(record), submittedAt: record.versions[0]!.at });
  }
  return listed.sort((a, b) => (a.submittedAt === b.submittedAt ? (a.key < b.key ? -1 : 1) : a.submittedAt < b.submittedAt ? -1 : 1));
}

/** A section of the draft: a heading and the blocks up to the next heading of the same level or higher. */
export interface DraftSection {
  /** The heading's pid; null for the blocks before the first heading. */
  pid: string | null;
  title: string;
  /** The pids of the heading and of every block in the section. */
  pids: string[];
}

/** The sections of the chair's text (the `content` fragment of the `text` room), in order. */
export function draftSections(content: Y.XmlFragment): DraftSection[] {
  const sections: DraftSection[] = [];
  let current: DraftSection | null = null;
  for (const block of textBlocks(content)) {
    if (block.type === BlockType.heading) {
      current = { pid: block.pid, title: block.text.trim(), pids: block.pid ? [block.pid] : [] };
      sections.push(current);
      continue;
    }
    if (!current) {
      current = { pid: null, title: "", pids: [] };
      sections.push(current);
    }
    if (block.pid) current.pids.push(block.pid);
  }
  return sections;
}

/** The section holding `pid`; undefined when no section does (the whole draft, or a deleted paragraph). */
export function sectionOf(sections: readonly DraftSection[], pid: string | undefined): DraftSection | undefined {
  return pid === undefined ? undefined : sections.find((section) => section.pids.includes(pid));
}

/** A text cut into its paragraphs: the record separates them by blank lines. */
export function contributionParagraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== "");
}

/**
 * An original and its translation as rows side by side: paragraph against paragraph where both
 * have as many, otherwise one row holding each whole text (aligning unequal counts would pair
 * sentences that do not say the same thing).
 */
export function alignedRows(original: string, translation: string): { aligned: boolean; rows: Array<[string[], string[]]> } {
  const left = contributionParagraphs(original);
  const right = contributionParagraphs(translation);
  if (left.length === right.length) return { aligned: true, rows: left.map((paragraph, index) => [[paragraph], [right[index]!]]) };
  return { aligned: false, rows: [[left, right]] };
}
