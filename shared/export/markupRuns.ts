/**
 * A block's runs laid out as markup (HTML, Akoma Ntoso): the chair's words, footnote references,
 * brackets inline and insertion points as words of their own, detached brackets after the text.
 * Each writer says how it draws a run; the layout is written once here.
 */
import { assertNever } from "../assertNever";
import type { BracketRun, ExportRun, WordsRun } from "./exportModel";
import { nextChar, standAlone } from "./textLines";

/** How one markup format draws each kind of run. */
export interface RunMarkup {
  words(run: WordsRun): string;
  note(text: string): string;
  brackets(run: BracketRun): string;
  /** A bracket that overlaps another, set after the text with the words it is on (already markup). */
  detached(brackets: string, words: string): string;
}

/** `runs` as one stretch of markup. */
export function markupRuns(runs: readonly ExportRun[], markup: RunMarkup): string {
  let out = "";
  // Whether the text so far ends in a space (or is empty), for brackets at an insertion point.
  let spaced = true;
  const detached: string[] = [];
  runs.forEach((run, index) => {
    switch (run.type) {
      case "words":
        out += markup.words(run);
        if (run.text !== "") spaced = /\s$/.test(run.text);
        break;
      case "footnote":
        out += markup.note(run.text);
        spaced = false;
        break;
      case "bracket": {
        const brackets = markup.brackets(run);
        if (run.detached) detached.push(markup.detached(brackets, run.words.map(markup.words).join("")));
        else if (run.words.length > 0) out += brackets;
        else out += standAlone(brackets, spaced, nextChar(runs, index + 1));
        spaced = false;
        break;
      }
      default:
        assertNever(run);
    }
  });
  return [out, ...detached].join(" ");
}
