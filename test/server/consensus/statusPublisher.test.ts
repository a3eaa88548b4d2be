/**
 * The server publishes consensus in the `text` room's `status`: observers, who do not hold the
 * `floor` room, see objections, agreements and changes as they happen.
 */
import { CloseCode } from "../../../shared/closeCodes";
import { openRaw } from "../../support/attacker";
import { ConsensusStatus, type ParagraphStatus, type Progress } from "../../../schemas/records";
import { fingerprintOf } from "../../../shared/consensus/fingerprint";
import { FloorRoot, PROGRESS_KEY, Room, TextRoot } from "../../../shared/documentLayout";
import { Role } from "../../../shared/roles";
import { textBlocks } from "../../../shared/text/blockText";
import { insertWords } from "../../../shared/text/editBlock";
import { doc, h, p } from "../../support/dsl";
import { invite } from "../../support/members";
import { connectStockClient, type StockClient } from "../../support/stockClient";
import { startTestServer } from "../../support/testServer";
import { waitFor } from "../../support/waitFor";

const AT = "2025-03-03T10:00:00Z";

function statusOf(client: StockClient, pid: string): ParagraphStatus | undefined {
  return client.doc.getMap<ParagraphStatus>(TextRoot.status).get(pid);
}

describe("the status the server publishes", () => {
  it("follows stances, agreements and edits, for observers too", async () => {
    const server = await startTestServer();
    const draft = await server.drafts.create({ title: "Status", doc: doc(h(1, "A. Introduction"), p("States should promote an open ICT environment."), p("The Group met.")) });
    const token = async (role: Role, state?: string) => (await invite(server, draft.id, role, state)).token;
    const observer = await connectStockClient(server, draft.id, { token: await token(Role.observer) });
    const chair = await connectStockClient(server, draft.id, { token: await token(Role.chair) });
    const salvador = await connectStockClient(server, draft.id, { room: Room.floor, token: await token(Role.delegation, "SLV") });
    const block = () => textBlocks(chair.doc.getXmlFragment(TextRoot.content))[1]!;
    const pid = block().pid!;

    // A new draft carries its status from the start.
    expect(statusOf(observer, pid)).toEqual({ status: ConsensusStatus.open });
    expect(observer.doc.getMap<Progress>(TextRoot.status).get(PROGRESS_KEY)).toEqual({ agreed: 0, total: 2, openProposals: 0, objected: 0 });

    salvador.doc.getMap(FloorRoot.stances).set(`SLV:${pid}`, { stance: "object", reason: "The text lacks balance.", at: AT });
    await waitFor(() => statusOf(observer, pid), (status) => status?.status === ConsensusStatus.objected, { what: "the objection at the observer" });
    expect(statusOf(observer, pid)).toEqual({ status: ConsensusStatus.objected, objectedBy: ["SLV"] });

    // An agreement while SLV objects changes nothing.
    chair.doc.getMap(TextRoot.decisions).set(`agreed:${pid}`, { at: AT, fingerprint: fingerprintOf(block()) });
    await server.status.settled();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(statusOf(observer, pid)?.status).toBe(ConsensusStatus.objected);

    salvador.doc.getMap(FloorRoot.stances).set(`SLV:${pid}`, { stance: "none", at: AT });
    await waitFor(() => statusOf(observer, pid), (status) => status?.status === ConsensusStatus.agreed, { what: "agreement at the observer" });
    await waitFor(() => observer.doc.getMap<Progress>(TextRoot.status).get(PROGRESS_KEY), (progress) => progress?.agreed === 1, { what: "progress 1 of 2" });

    chair.doc.transact(() => insertWords(block().element, 0, "All "));
    await waitFor(() => statusOf(observer, pid), (status) => status?.changedSinceAgreed === true, { what: "changed since agreed" });
    expect(statusOf(observer, pid)).toEqual({ status: ConsensusStatus.open, changedSinceAgreed: true });

    const audit = await server.storage.readAudit(draft.id, { limit: 100 });
    expect(audit.some((entry) => entry.principal === "server")).toBe(true);
  });

  it("reaches observers while the floor stays closed to them, unless the draft opens it", async () => {
    const server = await startTestServer();
    for (const observersReadFloor of [false, true]) {
      const draft = await server.drafts.create({ title: "Policy", doc: doc(p("One.")), observersReadFloor });
      const token = (await invite(server, draft.id, Role.observer)).token;
      const text = await connectStockClient(server, draft.id, { token });
      expect(text.doc.getMap(TextRoot.status).size).toBe(2);
      if (observersReadFloor) {
        await connectStockClient(server, draft.id, { token, room: Room.floor });
      } else {
        const refused = await openRaw(server, draft.id, Room.floor, token);
        expect((await refused.verdict(1000))?.code).toBe(CloseCode.roomForbidden.code);
      }
    }
  });

  it("does not load a floor nobody has written to", async () => {
    const server = await startTestServer();
    const draft = await server.drafts.create({ title: "Quiet floor", doc: doc(p("One paragraph.")) });
    const chair = await connectStockClient(server, draft.id, { token: (await invite(server, draft.id, Role.chair)).token });
    const block = textBlocks(chair.doc.getXmlFragment(TextRoot.content))[0]!;
    chair.doc.getMap(TextRoot.decisions).set(`agreed:${block.pid}`, { at: AT, fingerprint: fingerprintOf(block) });
    await waitFor(() => statusOf(chair, block.pid!)?.status, (status) => status === ConsensusStatus.agreed, { what: "agreed" });
    expect(await server.rooms.loaded(draft.id, Room.floor)).toBeNull();
  });
});
