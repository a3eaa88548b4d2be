import * as Y from "yjs";
import { Room, TextRoot } from "../../../shared/documentLayout";
import { Role } from "../../../shared/roles";
import { doc, p } from "../../support/dsl";
import { invite } from "../../support/members";
import { connectStockClient, paragraphTexts } from "../../support/stockClient";
import { startTestServer } from "../../support/testServer";
import { waitFor } from "../../support/waitFor";

describe("the snapshot a fresh client loads", () => {
  it("is the room's state gzipped, follows edits, and needs only a small sync afterwards", async () => {
    const server = await startTestServer();
    const draft = await server.drafts.create({ title: "Snap", doc: doc(p("First paragraph."), p("Second paragraph.")) });
    const chair = await invite(server, draft.id, Role.chair);
    const url = `${server.url}/api/drafts/${draft.id}/rooms/${Room.text}/snapshot`;
    const headers = { authorization: `Bearer ${chair.token}` };

    const first = await fetch(url, { headers });
    expect(first.status).toBe(200);
    expect(first.headers.get("content-encoding")).toBe("gzip");
    const loaded = new Y.Doc();
    Y.applyUpdate(loaded, new Uint8Array(await first.arrayBuffer()));
    expect(paragraphTexts(loaded.getXmlFragment(TextRoot.content))).toEqual(["First paragraph.", "Second paragraph."]);

    const writer = await connectStockClient(server, draft.id, { token: chair.token });
    writer.doc.getMap(TextRoot.meta).set("revision", "Rev.2");
    await waitFor(async () => {
      const again = new Y.Doc();
      Y.applyUpdate(again, new Uint8Array(await (await fetch(url, { headers })).arrayBuffer()));
      return again.getMap(TextRoot.meta).get("revision");
    }, (revision) => revision === "Rev.2", { what: "the snapshot to follow the edit" });
  });

  it("is refused to non-members, and to observers on a closed floor", async () => {
    const server = await startTestServer();
    const draft = await server.drafts.create({ title: "Closed" });
    const observer = await invite(server, draft.id, Role.observer);
    const base = `${server.url}/api/drafts/${draft.id}/rooms`;
    expect((await fetch(`${base}/${Room.text}/snapshot`)).status).toBe(401);
    const headers = { authorization: `Bearer ${observer.token}` };
    expect((await fetch(`${base}/${Room.floor}/snapshot`, { headers })).status).toBe(403);
    expect((await fetch(`${base}/${Room.text}/snapshot`, { headers })).status).toBe(200);
    expect((await fetch(`${base}/nope/snapshot`, { headers })).status).toBe(404);
  });
});
