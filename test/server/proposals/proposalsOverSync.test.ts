/**
 * Proposals made by stock Yjs clients through Concord's server: every kind, co-sponsored, shown to
 * an observer alike; the chair clears one with the change and its decision arriving together; the
 * bracketed export matches the reviewed files in `test/fixtures/export/`.
 */
import fs from "node:fs";
import path from "node:path";
import { ProposalDecisionKind, ProposalKind, type ProposalDecision } from "../../../schemas/records";
import { TextRoot } from "../../../shared/documentLayout";
import { Role } from "../../../shared/roles";
import { acceptProposal } from "../../../shared/proposals/clearProposal";
import { propose, supportProposal, withdrawProposal } from "../../../shared/proposals/proposeChange";
import { decisionKey, readProposals } from "../../../shared/proposals/readProposals";
import { textBlocks } from "../../../shared/text/blockText";
import { deleteWords } from "../../../shared/text/editBlock";
import { doc, fn, h, item, p } from "../../support/dsl";
import { invite } from "../../support/members";
import { connectStockClient, type StockClient } from "../../support/stockClient";
import { startTestServer } from "../../support/testServer";
import { waitFor } from "../../support/waitFor";

const FIXTURES = path.resolve(__dirname, "..", "..", "fixtures", "export");
const at = (minute: number) => new Date(Date.UTC(2025, 2, 3, 10, minute));

function pid(client: StockClient, index: number): string {
  return textBlocks(client.doc.getXmlFragment(TextRoot.content))[index]!.pid!;
}

/** Where `words` stand in block `index`, as offsets. */
function span(client: StockClient, index: number, words: string): { from: number; to: number } {
  const text = textBlocks(client.doc.getXmlFragment(TextRoot.content))[index]!.text;
  const from = text.indexOf(words);
  if (from < 0) throw new RangeError(`No "${words}" in block ${index}`);
  return { from, to: from + words.length };
}

async function settle(clients: StockClient[], count: number): Promise<void> {
  for (const client of clients) {
    await waitFor(() => client.doc.getMap(TextRoot.proposals).size, (size) => size === count, { what: `${count} proposals everywhere` });
  }
}

async function scenario() {
  const server = await startTestServer();
  const draft = await server.drafts.create({
    title: "Pre-draft report of the OEWG",
    doc: doc(
      h(1, "A. Introduction"),
      p("States should promote an open, secure, stable, accessible and peaceful ICT environment."),
      p("The Group recalled resolution 73/27", fn("A/RES/73/27 of 5 December 2018."), " and the reports of the Groups of Governmental Experts."),
      item(1, "confidence-building measures at the regional level;"),
      item(1, "capacity-building that is demand-driven."),
      h(1, "B. Rules, norms and principles"),
      p("The Group affirmed that international law is applicable to the use of ICTs by States."),
      p("States noted proposals for a legally binding instrument."),
    ),
  });
  const connect = async (role: Role, state?: string) => connectStockClient(server, draft.id, { token: (await invite(server, draft.id, role, state)).token });
  const chair = await connect(Role.chair);
  const cuba = await connect(Role.delegation, "CUB");
  const salvador = await connect(Role.delegation, "SLV");
  const uzbekistan = await connect(Role.delegation, "UZB");
  const observer = await connect(Role.observer);
  return { server, draft, chair, cuba, salvador, uzbekistan, observer, everyone: [chair, cuba, salvador, uzbekistan, observer] };
}

describe("proposals from stock Yjs clients", () => {
  it("makes every kind, shows each with its sponsors, and exports the bracketed text", async () => {
    const { server, draft, chair, cuba, salvador, uzbekistan, observer, everyone } = await scenario();
    const cubaReplace = propose(cuba.doc, "CUB", { kind: ProposalKind.replace, pid: pid(cuba, 1), ...span(cuba, 1, "open"), text: "free" }, at(1));
    const salvadorReplace = propose(salvador.doc, "SLV", { kind: ProposalKind.replace, pid: pid(salvador, 1), ...span(salvador, 1, "open"), text: "inclusive" }, at(2));
    propose(uzbekistan.doc, "UZB", { kind: ProposalKind.insert, pid: pid(uzbekistan, 1), at: span(uzbekistan, 1, "peaceful").to, text: " and cooperative" }, at(3));
    const cubaDelete = propose(cuba.doc, "CUB", { kind: ProposalKind.delete, pid: pid(cuba, 6), ...span(cuba, 6, " by States") }, at(4));
    propose(salvador.doc, "SLV", { kind: ProposalKind.newParagraph, after: pid(salvador, 2), text: "States stressed the importance of bridging the digital divide." }, at(5));
    propose(uzbekistan.doc, "UZB", { kind: ProposalKind.deleteParagraph, pid: pid(uzbekistan, 7) }, at(6));
    const orphan = propose(cuba.doc, "CUB", { kind: ProposalKind.replace, pid: pid(cuba, 3), ...span(cuba, 3, "at the regional level"), text: "at all levels" }, at(7));
    const withdrawn = propose(uzbekistan.doc, "UZB", { kind: ProposalKind.insert, pid: pid(uzbekistan, 4), at: 0, text: "targeted " }, at(8));
    await settle(everyone, 8);
    supportProposal(salvador.doc, "SLV", cubaDelete);
    supportProposal(uzbekistan.doc, "UZB", cubaDelete);
    supportProposal(uzbekistan.doc, "UZB", salvadorReplace);
    withdrawProposal(uzbekistan.doc, "UZB", withdrawn, at(9));
    // The chair rewrites the words CUB's last proposal was on.
    const regional = span(chair, 3, " at the regional level");
    chair.doc.transact(() => deleteWords(textBlocks(chair.doc.getXmlFragment(TextRoot.content))[3]!.element, regional.from, regional.to));

    await waitFor(() => readProposals(observer.doc), (views) => views.find((view) => view.key === cubaDelete)?.sponsors.length === 3 && views.find((view) => view.key === orphan)?.where.orphaned === true, {
      what: "the observer to see sponsors and the orphan",
    });
    const seen = (client: StockClient) =>
      readProposals(client.doc).map((view) => ({ key: view.key, open: view.open, sponsors: view.sponsors, alt: view.altLabel, added: view.addedLabel, orphaned: view.where.orphaned }));
    for (const client of everyone) await waitFor(() => seen(client), (views) => JSON.stringify(views) === JSON.stringify(seen(observer)), { what: "every client to see the same proposals" });
    const views = Object.fromEntries(seen(observer).map((view) => [view.key, view]));
    expect(views[cubaReplace]).toMatchObject({ alt: "Alt 1", sponsors: ["CUB"], open: true });
    expect(views[salvadorReplace]).toMatchObject({ alt: "Alt 2", sponsors: ["SLV", "UZB"] });
    expect(views[cubaDelete]).toMatchObject({ sponsors: ["CUB", "SLV", "UZB"] });
    expect(views[withdrawn]).toMatchObject({ open: false });

    // Observers export the bracketed text where the draft opens the floor to them (shared/readPolicy.ts).
    await server.drafts.setObserversReadFloor(draft.id, true);
    const token = (await invite(server, draft.id, Role.observer)).token;
    for (const [view, format] of [["bracketed", "md"], ["bracketed", "txt"], ["clean", "md"]] as const) {
      const response = await fetch(`${server.url}/api/drafts/${draft.id}/export?format=${format}&view=${view}`, { headers: { authorization: `Bearer ${token}` } });
      expect(response.status).toBe(200);
      const body = await response.text();
      const expectedFile = path.join(FIXTURES, `${view}.${format}`);
      if (process.env.CONCORD_WRITE_FIXTURES === "1") fs.writeFileSync(expectedFile, body);
      expect(body).toBe(fs.readFileSync(expectedFile, "utf8"));
    }
  });

  it("lets the chair accept Alt 2: the new text and the decisions reach others in one update", async () => {
    const { chair, cuba, salvador, observer, everyone } = await scenario();
    const first = propose(cuba.doc, "CUB", { kind: ProposalKind.replace, pid: pid(cuba, 1), ...span(cuba, 1, "open"), text: "free" }, at(1));
    const second = propose(salvador.doc, "SLV", { kind: ProposalKind.replace, pid: pid(salvador, 1), ...span(salvador, 1, "open"), text: "inclusive" }, at(2));
    await settle(everyone, 2);

    const decisions = observer.doc.getMap<ProposalDecision>(TextRoot.decisions);
    const halfSeen: string[] = [];
    observer.doc.on("afterTransaction", () => {
      const paragraph = textBlocks(observer.doc.getXmlFragment(TextRoot.content))[1]!.text;
      const accepted = decisions.get(decisionKey(second))?.decision === ProposalDecisionKind.accepted;
      const setAside = decisions.get(decisionKey(first))?.decision === ProposalDecisionKind.setAside;
      if (accepted !== paragraph.includes("inclusive") || accepted !== setAside) halfSeen.push(paragraph);
    });
    acceptProposal(chair.doc, second);
    await waitFor(() => decisions.get(decisionKey(second))?.decision, (decision) => decision === ProposalDecisionKind.accepted, { what: "the decision at the observer" });
    expect(halfSeen).toEqual([]);
    expect(textBlocks(observer.doc.getXmlFragment(TextRoot.content))[1]!.text).toBe("States should promote an inclusive, secure, stable, accessible and peaceful ICT environment.");
    expect(readProposals(observer.doc).filter((view) => view.open)).toEqual([]);
  });

  it("refuses an export in an unknown format, naming the choices", async () => {
    const { server, draft } = await scenario();
    const token = (await invite(server, draft.id, Role.observer)).token;
    const response = await fetch(`${server.url}/api/drafts/${draft.id}/export?format=rtf`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(400);
    expect((await response.json()).message).toMatch(/format: must be one of md, txt, html, json, akn, docx, pdf, not "rtf"/);
    expect((await fetch(`${server.url}/api/drafts/${draft.id}/export`)).status).toBe(401);
  });
});
