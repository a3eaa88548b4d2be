import * as Y from "yjs";
import { ParagraphTexts } from "../../../server/audit/ParagraphTexts";
import { TextRoot } from "../../../shared/documentLayout";
import { textBlocks } from "../../../shared/text/blockText";
import { doc, fn, p } from "../../support/dsl";
import { peerOf, pidAt, yDraft } from "../../support/yDraft";

/** A server-side copy followed by a tracker, and a client copy whose changes reach it as one update each. */
function tracked() {
  const server = yDraft(doc(p("The Group met in New York."), p("It held five sessions.", fn("A/AC.292/2025/1")), p("The Chair thanked the delegations.")));
  const client = peerOf(server);
  const tracker = new ParagraphTexts(server);
  const change = (edit: (fragment: Y.XmlFragment) => void) => {
    const before = Y.encodeStateVector(client);
    edit(client.getXmlFragment(TextRoot.content));
    Y.applyUpdate(server, Y.encodeStateAsUpdate(client, before));
    return tracker.take();
  };
  return { server, client, change };
}

const runOf = (fragment: Y.XmlFragment, index: number) => (fragment.get(index) as Y.XmlElement).get(0) as Y.XmlText;

describe("the paragraph words the write path keeps", () => {
  it("gives an edited paragraph's words before and after, and nothing for the others", () => {
    const { server, change } = tracked();
    const words = change((fragment) => runOf(fragment, 0).insert(4, "Working "));
    expect(words).toEqual([{ pid: pidAt(server, 0), start: 0, rest: 0, before: "The Group met in New York.", after: "The Working Group met in New York." }]);
  });

  it("shows a footnote's words at its marker and sees a change inside it as a change of its paragraph", () => {
    const { server, change } = tracked();
    expect(change((fragment) => runOf(fragment, 1).insert(0, "Later, "))).toEqual([
      expect.objectContaining({ pid: pidAt(server, 1), before: "It held five sessions.[Footnote: A/AC.292/2025/1]", after: "Later, It held five sessions.[Footnote: A/AC.292/2025/1]" }),
    ]);
    expect(change((fragment) => (((fragment.get(1) as Y.XmlElement).get(1) as Y.XmlElement).get(0) as Y.XmlText).insert(0, "See "))).toEqual([
      expect.objectContaining({ before: "Later, It held five sessions.[Footnote: A/AC.292/2025/1]", after: "Later, It held five sessions.[Footnote: See A/AC.292/2025/1]" }),
    ]);
  });

  it("sees a split as a shortened paragraph and an added one, and a removal with its last words", () => {
    const { server, change } = tracked();
    const pid = pidAt(server, 2);
    const split = change((fragment) => {
      runOf(fragment, 2).delete(9, 25);
      const added = new Y.XmlElement("paragraph");
      added.setAttribute("pid", "pnew");
      added.insert(0, [new Y.XmlText("thanked the delegations.")]);
      fragment.insert(3, [added]);
    });
    expect(split).toEqual(
      expect.arrayContaining([
        { pid, start: 0, rest: 0, before: "The Chair thanked the delegations.", after: "The Chair" },
        { pid: "pnew", start: 0, rest: 0, before: null, after: "thanked the delegations." },
      ]),
    );
    expect(change((fragment) => fragment.delete(0, 1))).toEqual([{ pid: expect.any(String), start: 0, rest: 0, before: "The Group met in New York.", after: null }]);
    expect(textBlocks(server.getXmlFragment(TextRoot.content))).toHaveLength(3);
  });
});
