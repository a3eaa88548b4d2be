/**
 * A published revision's stored rooms over HTTP: the bytes stored at publication, kept by browsers
 * for good, the `floor` only for members the draft's policy lets read it now.
 */
import { createHash } from "node:crypto";
import * as Y from "yjs";
import { Room, TextRoot, MetaKey } from "../../../shared/documentLayout";
import { Role } from "../../../shared/roles";
import { doc, p } from "../../support/dsl";
import { invite } from "../../support/members";
import { getRevisionRoom, listRevisions, publish } from "../../support/revisionRequests";
import { startTestServer } from "../../support/testServer";

const bytesOf = async (response: Response) => new Uint8Array(await response.arrayBuffer());

describe("a published revision's rooms", () => {
  it("are the stored bytes, marked immutable, with the floor only for who may read it now", async () => {
    const server = await startTestServer();
    const draft = await server.drafts.create({ title: "Routes", doc: doc(p("One paragraph.")) });
    const chair = (await invite(server, draft.id, Role.chair)).token;
    const cuba = (await invite(server, draft.id, Role.delegation, "CUB")).token;
    const observer = (await invite(server, draft.id, Role.observer)).token;
    const rev1 = await publish(server, draft.id, chair, { label: "Rev.1" });
    const stored = (await server.storage.readRevision(draft.id, rev1.id))!;

    for (const token of [chair, cuba, observer]) {
      const response = await getRevisionRoom(server, draft.id, rev1.id, Room.text, token);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("application/octet-stream");
      expect(response.headers.get("cache-control")).toBe("private, max-age=31536000, immutable");
      const bytes = await bytesOf(response);
      expect(Buffer.from(bytes).equals(Buffer.from(stored.text))).toBe(true);
      expect(createHash("sha256").update(bytes).digest("hex")).toBe(rev1.textSha256);
    }
    const loaded = new Y.Doc();
    Y.applyUpdate(loaded, stored.text);
    expect(loaded.getMap(TextRoot.meta).get(MetaKey.revision)).toBe("Rev.1");

    for (const token of [chair, cuba]) {
      const response = await getRevisionRoom(server, draft.id, rev1.id, Room.floor, token);
      expect(response.status).toBe(200);
      expect(Buffer.from(await bytesOf(response)).equals(Buffer.from(stored.floor))).toBe(true);
    }
    // The draft's policy now decides, whatever it was when the revision was published.
    expect((await getRevisionRoom(server, draft.id, rev1.id, Room.floor, observer)).status).toBe(403);
    await server.drafts.setObserversReadFloor(draft.id, true);
    expect((await getRevisionRoom(server, draft.id, rev1.id, Room.floor, observer)).status).toBe(200);
  });

  it("are refused to strangers and not found for unknown revisions, rooms and drafts", async () => {
    const server = await startTestServer();
    const draft = await server.drafts.create({ title: "Known", doc: doc(p("One paragraph.")) });
    const other = await server.drafts.create({ title: "Other", doc: doc(p("Another paragraph.")) });
    const chair = (await invite(server, draft.id, Role.chair)).token;
    const otherChair = (await invite(server, other.id, Role.chair)).token;
    const rev1 = await publish(server, draft.id, chair, { label: "Rev.1" });
    const otherRev = await publish(server, other.id, otherChair, { label: "Rev.1" });

    expect((await getRevisionRoom(server, draft.id, rev1.id, Room.text)).status).toBe(401);
    expect((await getRevisionRoom(server, draft.id, rev1.id, Room.text, otherChair)).status).toBe(403);
    expect((await getRevisionRoom(server, draft.id, "nosuchrevision", Room.text, chair)).status).toBe(404);
    // A revision of another draft is not this draft's.
    expect((await getRevisionRoom(server, draft.id, otherRev.id, Room.text, chair)).status).toBe(404);
    expect((await getRevisionRoom(server, draft.id, rev1.id, "status", chair)).status).toBe(404);
    expect((await getRevisionRoom(server, "nosuchdraft1", rev1.id, Room.text, chair)).status).toBe(404);
    expect(await listRevisions(server, draft.id, chair)).toEqual([rev1]);
    expect(await listRevisions(server, other.id, otherChair)).toEqual([otherRev]);
  });
});
