/** A delegation's contributions as records: submitted, revised into dated versions, withdrawn, and what the guard lets a new value do to an old one. */
import * as Y from "yjs";
import type { Contribution } from "../../../schemas/records";
import { contributionChangeRefusal, MAX_CONTRIBUTION_VERSIONS, reviseContribution, submitContribution, withdrawContribution } from "../../../shared/contributions/contributionWrites";
import { listContributions } from "../../../shared/contributions/readContributions";
import { ContributionsRoot } from "../../../shared/documentLayout";
import { validateRecord } from "../../../schemas/validateRecord";

const ES = { language: "es", text: "El Salvador considera que el programa de acción debe ser práctico." };
const EN = { language: "en", text: "El Salvador considers that the programme of action should be practical." };
const day = (n: number) => new Date(Date.UTC(2026, 11, n, 9));

describe("a delegation's contributions", () => {
  it("keeps every version, dated, and a withdrawal, each record valid against its schema", () => {
    const doc = new Y.Doc();
    const key = submitContribution(doc, "SLV", { pid: "p-dialogue" }, { original: ES, translation: EN, title: " Opinión nacional " }, day(1));
    reviseContribution(doc, "SLV", key, { original: { ...ES, text: `${ES.text}\n\nY sostenible.` }, translation: EN }, day(2));
    withdrawContribution(doc, "SLV", key, day(3));
    const record = doc.getMap<Contribution>(ContributionsRoot.contributions).get(key)!;
    expect(record.versions.map((version) => version.at)).toEqual([day(1).toISOString(), day(2).toISOString()]);
    expect(record.versions[0]!.title).toBe("Opinión nacional");
    expect(record.withdrawnAt).toBe(day(3).toISOString());
    expect(validateRecord(ContributionsRoot.contributions, key, record)).toEqual({ ok: true });
    expect(listContributions(doc).map((listed) => [listed.state, listed.latest.original.text.endsWith("Y sostenible."), listed.submittedAt])).toEqual([["SLV", true, day(1).toISOString()]]);
  });

  it("refuses another state's contribution, a translation in the original's language, and a withdrawn one's revision", () => {
    const doc = new Y.Doc();
    const key = submitContribution(doc, "SLV", {}, { original: ES });
    expect(() => reviseContribution(doc, "CUB", key, { original: EN })).toThrow(/CUB may change only its own contributions/);
    expect(() => submitContribution(doc, "SLV", {}, { original: ES, translation: { ...ES } })).toThrow(/another language/);
    expect(() => submitContribution(doc, "SLV", {}, { original: { language: "es", text: "  \n " } })).toThrow(/no words/);
    withdrawContribution(doc, "SLV", key);
    expect(() => reviseContribution(doc, "SLV", key, { original: EN })).toThrow(/withdrawn/);
  });

  it(`keeps at most ${MAX_CONTRIBUTION_VERSIONS} versions`, () => {
    const doc = new Y.Doc();
    const key = submitContribution(doc, "CUB", {}, { original: EN });
    for (let n = 1; n < MAX_CONTRIBUTION_VERSIONS; n++) reviseContribution(doc, "CUB", key, { original: { ...EN, text: `${EN.text} ${n}` } });
    expect(() => reviseContribution(doc, "CUB", key, { original: EN })).toThrow(/the most it may keep/);
  });

  it("lets a new value only add a version or a withdrawal to the old one", () => {
    const first: Contribution = { on: { pid: "p1" }, versions: [{ at: day(1).toISOString(), original: ES }] };
    const second = { ...first, versions: [...first.versions, { at: day(2).toISOString(), original: EN }] };
    expect(contributionChangeRefusal(undefined, first)).toBeNull();
    expect(contributionChangeRefusal(undefined, second)).toMatch(/starts with one version/);
    expect(contributionChangeRefusal(first, second)).toBeNull();
    // Key order is not content: a stock client may write the same version's fields in another order.
    expect(contributionChangeRefusal(first, { versions: [{ original: { text: ES.text, language: "es" }, at: day(1).toISOString() }], on: { pid: "p1" } })).toBeNull();
    expect(contributionChangeRefusal(second, first)).toMatch(/keeps every earlier version/);
    expect(contributionChangeRefusal(first, { ...first, versions: [{ at: day(1).toISOString(), original: EN }] })).toMatch(/version 1 never changes/);
    expect(contributionChangeRefusal(first, { ...first, on: {} })).toMatch(/keeps what it addresses/);
    const withdrawn = { ...first, withdrawnAt: day(3).toISOString() };
    expect(contributionChangeRefusal(first, withdrawn)).toBeNull();
    expect(contributionChangeRefusal(withdrawn, first)).toMatch(/stays withdrawn/);
    expect(contributionChangeRefusal(withdrawn, { ...second, withdrawnAt: withdrawn.withdrawnAt })).toMatch(/takes no new version/);
  });

  it("holds a ten-page statement and its translation, and refuses a record past a megabyte", () => {
    const page = "A page of a national statement on the regular institutional dialogue. ".repeat(45);
    const tenPages = Array.from({ length: 10 }, () => page).join("\n\n");
    const record: Contribution = { on: {}, versions: [{ at: day(1).toISOString(), original: { language: "en", text: tenPages }, translation: { language: "fr", text: tenPages } }] };
    expect(validateRecord(ContributionsRoot.contributions, "CUB:c1", record)).toEqual({ ok: true });
    const huge = { ...record, versions: Array.from({ length: 20 }, () => record.versions[0]!) };
    expect(validateRecord(ContributionsRoot.contributions, "CUB:c1", huge)).toMatchObject({ ok: false, reason: expect.stringMatching(/bytes|larger|large/) });
  });
});
