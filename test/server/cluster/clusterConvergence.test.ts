/**
 * Two processes' servers over one PostgreSQL and one Redis (issue 16, acceptance 1's first half):
 * stock WebsocketProvider clients connected to different servers converge on the text and the
 * records, both ways, and a client's edit reaches the other server's clients only once committed.
 */
import { FloorRoot, Room, TextRoot } from "../../../shared/documentLayout";
import { Role } from "../../../shared/roles";
import { doc, p } from "../../support/dsl";
import { invite } from "../../support/members";
import { startTestCluster } from "../../support/cluster";
import { connectStockClient, typeAtStart } from "../../support/stockClient";
import { waitFor } from "../../support/waitFor";

describe("two servers of a cluster", () => {
  it("carry stock clients' text and records to each other's clients", async () => {
    const { servers } = await startTestCluster(2);
    const [a, b] = servers as [typeof servers[0], typeof servers[0]];
    const draft = await a.drafts.create({ title: "Across processes", doc: doc(p("First paragraph."), p("Second paragraph.")) });
    const onA = await connectStockClient(a, draft.id);
    const onB = await connectStockClient(b, draft.id);
    typeAtStart(onA.doc.getXmlFragment(TextRoot.content), 0, "From A. ");
    await waitFor(() => onB.paragraphs()[0] ?? "", (text) => text.startsWith("From A."), { what: "A's edit on B" });
    typeAtStart(onB.doc.getXmlFragment(TextRoot.content), 1, "From B. ");
    await waitFor(() => onA.paragraphs()[1] ?? "", (text) => text.startsWith("From B."), { what: "B's edit on A" });

    const cuba = await invite(a, draft.id, Role.delegation, "CUB");
    const floorB = await connectStockClient(b, draft.id, { room: Room.floor, token: cuba.token });
    const floorA = await connectStockClient(a, draft.id, { room: Room.floor });
    const pid = (onA.doc.getXmlFragment(TextRoot.content).get(0) as import("yjs").XmlElement).getAttribute("pid") as string;
    floorB.doc.getMap(FloorRoot.stances).set(`CUB:${pid}`, { stance: "support", at: "2026-12-02T10:00:00.000Z" });
    await waitFor(() => floorA.doc.getMap(FloorRoot.stances).get(`CUB:${pid}`), Boolean, { what: "B's record on A" });
    expect(onA.paragraphs()).toEqual(onB.paragraphs());
  });
});
