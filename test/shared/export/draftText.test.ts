/**
 * The exported text says what people typed, literally: in Markdown nothing a delegate or the chair
 * typed turns into emphasis, code, a link or a list; plain text is left as typed.
 */
import * as Y from "yjs";
import { ProposalKind } from "../../../schemas/records";
import { MetaKey, TextRoot } from "../../../shared/documentLayout";
import { draftText, TextFormat, TextView } from "../../../shared/export/draftText";
import { propose } from "../../../shared/proposals/proposeChange";
import { doc, em, fn, h, p, pre, strong } from "../../support/dsl";
import { pidAt, wordSpan, yDraft } from "../../support/yDraft";

const TYPED = "States noted *significant* risks to critical_infrastructure [see A/75/816](annex) and <b>more</b>.";

function draft(): Y.Doc {
  const ydoc = yDraft(doc(h(1, "A. Introduction"), p(TYPED)));
  ydoc.getMap(TextRoot.meta).set(MetaKey.title, "Report of the *Group*");
  propose(ydoc, "CUB", { kind: ProposalKind.replace, pid: pidAt(ydoc, 1), ...wordSpan(TYPED, "*significant*"), text: "**grave** `and` ~~urgent~~" }, new Date(Date.UTC(2025, 0, 1)));
  return ydoc;
}

describe("the exported text", () => {
  it("escapes in Markdown everything people typed, and keeps Concord's own marks", () => {
    const markdown = draftText(draft(), TextView.bracketed, TextFormat.markdown);
    expect(markdown).toContain("# Report of the \\*Group\\*");
    expect(markdown).toContain(
      "1\\. States noted [CUB: ~~\\*significant\\*~~ \\*\\*grave\\*\\* \\`and\\` \\~\\~urgent\\~\\~] risks to critical\\_infrastructure \\[see A/75/816\\](annex) and \\<b>more\\</b>.",
    );
  });

  it("leaves plain text as typed", () => {
    const plain = draftText(draft(), TextView.bracketed, TextFormat.plain);
    expect(plain).toContain("1. States noted [CUB: replace: *significant* with: **grave** `and` ~~urgent~~] risks to critical_infrastructure [see A/75/816](annex) and <b>more</b>.");
  });

  it("keeps the chair's emphasis in Markdown, around footnotes and inside brackets, and drops it in plain text", () => {
    const ydoc = yDraft(doc(p(em("Taking note"), " of the ", strong("report"), fn("A/75/816."), " of the ", em("Group"), ".")));
    const words = "Taking note of the report\uFFFC of the Group.";
    propose(ydoc, "CUB", { kind: ProposalKind.replace, pid: pidAt(ydoc, 0), ...wordSpan(words, "report"), text: "final report" }, new Date(Date.UTC(2025, 0, 1)));
    expect(draftText(ydoc, TextView.clean, TextFormat.markdown)).toContain("1\\. *Taking note* of the **report**[^1] of the *Group*.");
    expect(draftText(ydoc, TextView.bracketed, TextFormat.markdown)).toContain("1\\. *Taking note* of the [CUB: ~~**report**~~ final report][^1] of the *Group*.");
    expect(draftText(ydoc, TextView.clean, TextFormat.plain)).toContain("1. Taking note of the report[1] of the Group.");
  });

  it("prints preamble without a number, and numbers the paragraphs after it from 1", () => {
    const ydoc = yDraft(doc(pre("[Original: Russian]"), p("The Heads of State met.")));
    for (const format of [TextFormat.markdown, TextFormat.plain]) {
      const text = draftText(ydoc, TextView.clean, format);
      expect(text).toMatch(/\n\n\[?\\?\[?Original: Russian\\?\]?\n\n1\\?\. The Heads of State met\./);
    }
  });
});
