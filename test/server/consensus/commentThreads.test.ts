/**
 * A comment thread on a proposal over the real server: CUB comments, SLV replies, the chair
 * resolves; observers read it only where the draft's policy opens the floor to them.
 */
import { CloseCode } from "../../../shared/closeCodes";
import { addComment, readThreads, replyToComment } from "../../../shared/comments/commentThreads";
import { FloorRoot, Room, TextRoot } from "../../../shared/documentLayout";
import { ProposalKind } from "../../../schemas/records";
import { propose } from "../../../shared/proposals/proposeChange";
import { Role } from "../../../shared/roles";
import { textBlocks } from "../../../shared/text/blockText";
import { openRaw } from "../../support/attacker";
import { doc, p } from "../../support/dsl";
import { invite } from "../../support/members";
import { connectStockClient } from "../../support/stockClient";
import { startTestServer } from "../../support/testServer";
import { waitFor } from "../../support/waitFor";

describe("a comment thread on a proposal", () => {
  it.each([false, true])("gets a reply from another state and is resolved by the chair (observers may read the floor: %s)", async (observersReadFloor) => {
    const server = await startTestServer();
    const draft = await server.drafts.create({ title: "Comments", doc: doc(p("States should promote an open ICT environment.")), observersReadFloor });
    const token = async (role: Role, state?: string) => (await invite(server, draft.id, role, state)).token;
    const cubToken = await token(Role.delegation, "CUB");
    const cubaText = await connectStockClient(server, draft.id, { token: cubToken });
    const cuba = await connectStockClient(server, draft.id, { room: Room.floor, token: cubToken });
    const salvador = await connectStockClient(server, draft.id, { room: Room.floor, token: await token(Role.delegation, "SLV") });
    const chair = await connectStockClient(server, draft.id, { room: Room.floor, token: await token(Role.chair) });
    const pid = textBlocks(cubaText.doc.getXmlFragment(TextRoot.content))[0]!.pid!;
    const proposalKey = propose(cubaText.doc, "CUB", { kind: ProposalKind.replace, pid, from: 24, to: 28, text: "free" });

    const thread = addComment(cuba.doc, "CUB", { pid, proposalId: proposalKey }, "“Free” reflects our national position.");
    await waitFor(() => readThreads(salvador.doc, { proposalId: proposalKey }).length, (count) => count === 1, { what: "the thread at SLV" });
    replyToComment(salvador.doc, "SLV", thread, "We could accept “free and open”.");
    // SLV may not resolve CUB's thread; the write policy would refuse a forged key anyway.
    expect(() => replyToComment(salvador.doc, "SLV", thread, "Resolved.", true)).toThrow(/Only CUB or the chair/);
    await waitFor(() => readThreads(chair.doc, { proposalId: proposalKey })[0]?.replies.length, (count) => count === 1, { what: "the reply at the chair" });
    replyToComment(chair.doc, "chair", thread, "Noted; the Chair will reflect this in Rev.1.", true);
    await waitFor(() => readThreads(cuba.doc, { proposalId: proposalKey })[0]?.resolved, Boolean, { what: "the thread resolved at CUB" });
    const [seen] = readThreads(cuba.doc, { pid });
    expect(seen!.replies.map((reply) => reply.author)).toEqual(["SLV", "chair"]);

    const observerToken = await token(Role.observer);
    if (observersReadFloor) {
      const observer = await connectStockClient(server, draft.id, { room: Room.floor, token: observerToken });
      expect(readThreads(observer.doc, { proposalId: proposalKey })[0]).toMatchObject({ author: "CUB", resolved: true });
      observer.doc.getMap(FloorRoot.comments).set("CUB:forged", { pid, body: "Observers write nothing.", at: "2025-03-03T10:00:00Z" });
      await waitFor(() => observer.provider.wsconnected, (connected) => !connected, { what: "the observer's write refused" });
    } else {
      const refused = await openRaw(server, draft.id, Room.floor, observerToken);
      expect((await refused.verdict(1000))?.code).toBe(CloseCode.roomForbidden.code);
    }
  });
});
