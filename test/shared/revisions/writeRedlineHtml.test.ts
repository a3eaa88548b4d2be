/**
 * The redline as an HTML document: its title is the revision pair, numbers read "4 → 5" where they
 * changed, words are in `<ins>` and `<del>`, what became of a paragraph is said in words, everything
 * people typed is escaped, and the page takes the draft's language and direction.
 */
import { compareRevisions } from "../../../shared/revisions/compareRevisions";
import type { RevisionText } from "../../../shared/revisions/readRevisionText";
import { writeRedlineHtml } from "../../../shared/revisions/writeRedlineHtml";
import { para, subitem, text } from "../../support/revisionTexts";

const REV1 = { id: "r1", label: "Rev.1", at: "2025-03-01T09:00:00.000Z" };
const LIVE = { id: "live", label: "Live text", at: null };

function html(older: RevisionText, newer: RevisionText): string {
  return writeRedlineHtml(compareRevisions(older, newer, { draftId: "d1", from: REV1, to: LIVE, renumbered: null, madeAt: "2025-04-02T09:00:00.000Z" }));
}

describe("the HTML redline", () => {
  it("is titled by the revision pair and dates the live text by when the redline was made", () => {
    const page = html(text([para("a", "One.")]), text([para("a", "One.")]));
    expect(page).toContain("<title>Rev.1 → Live text</title>");
    expect(page).toContain('<p class="sides">Rev.1 (2025-03-01) → Live text (2025-04-02)</p>');
    expect(page).toContain('<p class="summary">No changes.</p>');
  });

  it("says in words that a paragraph moved, and shows its old and new numbers", () => {
    const page = html(text([para("a", "One."), para("b", "Two."), para("c", "Three.")]), text([para("b", "Two."), para("c", "Three."), para("a", "One.")]));
    expect(page).toContain('<p class="para change-unchanged moved" id="block-a" data-change="unchanged"><span class="num"><bdi dir="ltr">1 → 3</bdi>. </span><span class="mark">[Moved]</span> One.</p>');
    expect(page).toContain('<p class="summary">0 blocks changed, 0 added, 0 deleted, 1 moved.</p>');
  });

  it("lists a block's footnotes under it with their changes and numbers", () => {
    const page = html(text([para("a", "One.", "Old note."), para("b", "Two.", "Kept.")]), text([para("b", "Two.", "Kept."), para("a", "One.", "New note.", "Added note.")]));
    expect(page).toContain('<li class="change-unchanged">Footnote 2 → 1: Kept.</li>');
    expect(page).toContain('<li class="change-changed">Footnote 1 → 2: <del>Old</del><ins>New</ins> note.</li>');
    expect(page).toContain('<li class="change-added">Footnote 3 (added): <ins>Added note.</ins></li>');
  });

  it("escapes everything people typed", () => {
    const hostile = text([para('"><script>alert(1)</script>', "<img src=x onerror=alert(1)> & more")], ['<b>"1"</b>']);
    const page = html(text([subitem("s", "Old & <i>odd</i>")]), hostile);
    expect(page).not.toMatch(/<script|<img|<b>|<i>/);
    expect(page).toContain("&lt;img src=x onerror=alert(1)&gt; &amp; more");
    expect(page).toContain('id="block-&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
    expect(page).toContain('<bdi dir="ltr">&lt;b&gt;&quot;1&quot;&lt;/b&gt;</bdi>');
  });

  it("takes the draft's language and direction", () => {
    const arabic = { ...text([para("a", "نص جديد")]), language: "ar" };
    expect(html({ ...text([para("a", "نص")]), language: "ar" }, arabic)).toMatch(/<html lang="ar" dir="rtl">/);
  });

  it("points its arrows the way an Arabic text reads, from the old number on the right to the new one", () => {
    const arabic = (blocks: ReturnType<typeof para>[]) => ({ ...text(blocks), language: "ar" });
    const page = html(arabic([para("a", "واحد."), para("b", "اثنان.", "حاشية.")]), arabic([para("b", "اثنان.", "حاشية."), para("a", "واحد.")]));
    expect(page).toContain("<title>Rev.1 ← Live text</title>");
    expect(page).toContain('<p class="sides">Rev.1 (2025-03-01) ← Live text (2025-04-02)</p>');
    expect(page).toContain('<span class="num"><bdi dir="rtl">1 ← 2</bdi>. </span>');
    expect(page).not.toContain("→");
  });
});
