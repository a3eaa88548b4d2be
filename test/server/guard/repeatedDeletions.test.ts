/**
 * Yjs sends a document's whole delete set with every diff, so a client that reconnects repeats
 * deletions others made: the chair's replaced decision, the server's replaced status. Repeating a
 * deletion changes nothing and must not be refused as a write to records the client may not touch.
 */
import * as Y from "yjs";
import { FloorRoot, Room, TextRoot } from "../../../shared/documentLayout";
import { Role } from "../../../shared/roles";
import { textBlocks } from "../../../shared/text/blockText";
import { doc, p } from "../../support/dsl";
import { invite } from "../../support/members";
import { connectStockClient } from "../../support/stockClient";
import { startTestServer } from "../../support/testServer";
import { waitFor } from "../../support/waitFor";

const AT = "2025-03-03T10:00:00Z";

describe("a client repeating deletions others made", () => {
  it("is not refused when it reconnects after the chair and the server replaced their records", async () => {
    const server = await startTestServer();
    const draft = await server.drafts.create({ title: "Replaced", doc: doc(p("One paragraph.")) });
    const chair = await connectStockClient(server, draft.id, { token: (await invite(server, draft.id, Role.chair)).token });
    const cubToken = (await invite(server, draft.id, Role.delegation, "CUB")).token;
    const cuba = await connectStockClient(server, draft.id, { token: cubToken, maxBackoffTime: 50 });
    const cubaFloor = await connectStockClient(server, draft.id, { room: Room.floor, token: cubToken });
    const pid = textBlocks(chair.doc.getXmlFragment(TextRoot.content))[0]!.pid!;
    const closes: number[] = [];
    cuba.provider.on("connection-close", (event: { code: number } | null) => event && closes.push(event.code));

    // The chair replaces a decision, and the server replaces a status record (by an objection).
    chair.doc.getMap(TextRoot.decisions).set(`agreed:${pid}`, { at: AT, fingerprint: "first" });
    chair.doc.getMap(TextRoot.decisions).set(`agreed:${pid}`, { at: AT, fingerprint: "second" });
    cubaFloor.doc.getMap(FloorRoot.stances).set(`CUB:${pid}`, { stance: "object", reason: "Too vague.", at: AT });
    await waitFor(() => (cuba.doc.getMap(TextRoot.status).get(pid) as { status?: string } | undefined)?.status, (status) => status === "objected", {
      what: "the objection in CUB's copy",
    });
    await waitFor(() => (cuba.doc.getMap(TextRoot.decisions).get(`agreed:${pid}`) as { fingerprint?: string } | undefined)?.fingerprint, (fingerprint) => fingerprint === "second", {
      what: "the replaced decision in CUB's copy",
    });

    // Offline, CUB proposes; on reconnect its diff carries every deletion its copy knows.
    cuba.provider.disconnect();
    cuba.doc.getMap(TextRoot.proposals).set("CUB:x1", { kind: "delete", anchor: { pid, quote: "One", prefix: "", suffix: " paragraph." }, createdAt: AT });
    expect(Y.encodeStateAsUpdate(cuba.doc).byteLength).toBeGreaterThan(0);
    cuba.provider.connect();
    await waitFor(() => chair.doc.getMap(TextRoot.proposals).has("CUB:x1"), Boolean, { what: "CUB's proposal at the chair" });
    expect(closes.filter((code) => code >= 4000)).toEqual([]);
  });

  it("does not refuse an observer whose copy holds the deletions of a replaced status record", async () => {
    const server = await startTestServer();
    const draft = await server.drafts.create({ title: "Observed", doc: doc(p("One paragraph.")) });
    const observer = await connectStockClient(server, draft.id, { token: (await invite(server, draft.id, Role.observer)).token, maxBackoffTime: 50 });
    const cubaFloor = await connectStockClient(server, draft.id, { room: Room.floor, token: (await invite(server, draft.id, Role.delegation, "CUB")).token });
    const pid = textBlocks(observer.doc.getXmlFragment(TextRoot.content))[0]!.pid!;
    const closes: number[] = [];
    observer.provider.on("connection-close", (event: { code: number } | null) => event && closes.push(event.code));

    cubaFloor.doc.getMap(FloorRoot.stances).set(`CUB:${pid}`, { stance: "object", reason: "Too vague.", at: AT });
    await waitFor(() => (observer.doc.getMap(TextRoot.status).get(pid) as { status?: string } | undefined)?.status, (status) => status === "objected", {
      what: "the objection in the observer's copy",
    });

    // On reconnect the observer's step 2 carries the status record's deletion, and nothing else.
    observer.provider.disconnect();
    observer.provider.connect();
    await waitFor(() => observer.provider.synced, Boolean, { what: "the observer synced again" });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(closes.filter((code) => code >= 4000)).toEqual([]);
  });
});
