/**
 * The numbers the live text keeps during a round: the latest published revision's, read from the
 * `text` room's `decisions`. Everything that prints a paragraph's number reads them here.
 */
import type * as Y from "yjs";
import type { RevisionNumbers } from "../../schemas/records";
import { DecisionPrefix, TextRoot } from "../documentLayout";
import { latestRevision } from "./publishedRevisions";

/** The latest published revision's numbers (pid → "12", "(a)"), or null before the first: the text is then numbered by position. */
export function revisionBaseline(textDoc: Y.Doc): RevisionNumbers | null {
  const numbers: unknown = latestRevision(textDoc.getMap(TextRoot.decisions))?.record.numbers;
  return typeof numbers === "object" && numbers !== null ? (numbers as RevisionNumbers) : null;
}

/** Whether a change to these keys of `decisions` can change the numbers (a revision was published). */
export function touchesRevisions(keys: Iterable<string>): boolean {
  for (const key of keys) if (key.startsWith(DecisionPrefix.revision)) return true;
  return false;
}
