/** The desk's words: the preview's counts and the invitation text a secretariat sends. */
import "../../support/english";
import { countWords } from "../../../client/desk/importPreviewView";
import { invitationText } from "../../../client/desk/invitationCard";
import { roleLabel } from "../../../client/desk/roleWords";
import { Role } from "../../../shared/roles";
import { speak } from "../../support/speak";

afterEach(() => speak("en"));

describe("the desk's words", () => {
  it("counts the preview's blocks in a fixed order, in the singular where there is one", () => {
    expect(countWords({ footnote: 2, subitem: 11, preamble: 1, paragraph: 2, heading: 8 })).toBe(
      "8 headings · 2 numbered paragraphs · 11 sub-items · 1 unnumbered block (front matter) · 2 footnotes",
    );
    expect(countWords({ paragraph: 1, footnote: 0 })).toBe("1 numbered paragraph");
  });

  it("writes an invitation that names the draft, the role and the link, and says the link works once", () => {
    const text = invitationText({ who: () => "Delegation of Cuba", draftTitle: "Zero draft", draftSymbol: "A/AC.292/2026/CRP.1", link: "https://concord.example.org/signin/abc" });
    expect(text).toContain("“Zero draft” (A/AC.292/2026/CRP.1)");
    expect(text).toContain("as: Delegation of Cuba.");
    expect(text).toContain("Open this link and press Sign in: https://concord.example.org/signin/abc");
    expect(text).toMatch(/works once, within 14 days/);
  });

  it("names each part in a draft, a delegation by its state and an organizer who is no member as the secretariat", () => {
    expect(roleLabel(Role.chair, null)).toBe("Chair");
    expect(roleLabel(Role.delegation, "CUB")).toBe("Delegation of Cuba");
    expect(roleLabel(Role.observer, null)).toBe("Observer");
    expect(roleLabel(null, null)).toBe("Secretariat (not a member)");
  });

  it("names the parts in the UI language, in the UN's words", () => {
    speak("es");
    expect([roleLabel(Role.chair, null), roleLabel(Role.delegation, "CUB"), roleLabel(Role.observer, null)]).toEqual(["Presidente", "Delegación de Cuba", "Observador"]);
    speak("zh");
    expect(roleLabel(Role.observer, null)).toBe("观察员");
  });

  it("counts the preview's blocks with the plural forms of the UI language", () => {
    speak("ru");
    expect(countWords({ heading: 2, paragraph: 5, footnote: 1 })).toBe("2 заголовка · 5 нумерованных пунктов · 1 сноска");
  });

  it("writes the invitation in the UI language, with the link and the days it lasts", () => {
    speak("fr");
    const text = invitationText({ who: () => roleLabel(Role.delegation, "CUB"), draftTitle: "Zero draft", draftSymbol: null, link: "https://concord.example.org/signin/abc" });
    expect(text).toContain("«\u00a0Zero draft\u00a0»");
    expect(text).toContain("Délégation (Cuba)");
    expect(text).toContain("https://concord.example.org/signin/abc");
    expect(text).toContain("14 jours");
  });
});
