/**
 * A server change stored elsewhere before it is committed (a published revision): while its store
 * is slow, the room applies nothing else, so the snapshot is the state right after the change and
 * the change is the next thing in the log; the writes that waited follow it.
 */
import * as Y from "yjs";
import { SERVER_PRINCIPAL } from "../../../shared/audit/auditEntry";
import { DecisionPrefix, Room, TextRoot } from "../../../shared/documentLayout";
import { Role } from "../../../shared/roles";
import { textBlocks } from "../../../shared/text/blockText";
import { SqliteStorage } from "../../../server/storage/SqliteStorage";
import type { StoredRevision } from "../../../server/storage/Storage";
import { doc, p } from "../../support/dsl";
import { invite } from "../../support/members";
import { publish } from "../../support/revisionRequests";
import { connectStockClient, typeAtStart } from "../../support/stockClient";
import { startTestServer, tempDataDir } from "../../support/testServer";
import { waitFor } from "../../support/waitFor";

/** SQLite storage whose revisions are stored only once its gate opens, as a slow disk would store them. */
class SlowRevisionStorage extends SqliteStorage {
  saving = false;
  private openGate = () => {};
  private readonly gate = new Promise<void>((resolve) => (this.openGate = resolve));

  open(): void {
    this.openGate();
  }

  override async saveRevision(revision: StoredRevision): Promise<void> {
    this.saving = true;
    await this.gate;
    return super.saveRevision(revision);
  }
}

describe("a server change held until its state is stored", () => {
  it("lets no client write in between: the snapshot lacks the write, and the log has it after the change", async () => {
    const storage = new SlowRevisionStorage(tempDataDir());
    const server = await startTestServer({ storage });
    const draft = await server.drafts.create({ title: "Held", doc: doc(p("The Group met.")) });
    const chairToken = (await invite(server, draft.id, Role.chair)).token;
    const chair = await connectStockClient(server, draft.id, { token: chairToken });

    const publishing = publish(server, draft.id, chairToken, { label: "Rev.1" });
    await waitFor(() => storage.saving, Boolean, { what: "the revision to be saving" });
    typeAtStart(chair.doc.getXmlFragment(TextRoot.content), 0, "Meanwhile ");
    // Time for the write to reach the server, which holds it (nothing observable says it arrived).
    await new Promise((resolve) => setTimeout(resolve, 300));
    storage.open();
    const rev1 = await publishing;

    const room = (await server.rooms.open(draft.id, Room.text))!;
    await waitFor(() => textBlocks(room.document.getXmlFragment(TextRoot.content))[0]!.text, (text) => text === "Meanwhile The Group met.", { what: "the waiting write at the server" });
    server.rooms.released(room);
    const snapshot = new Y.Doc();
    Y.applyUpdate(snapshot, (await storage.readRevision(draft.id, rev1.id))!.text);
    expect(textBlocks(snapshot.getXmlFragment(TextRoot.content))[0]!.text).toBe("The Group met.");
    expect(snapshot.getMap(TextRoot.decisions).has(`${DecisionPrefix.revision}${rev1.id}`)).toBe(true);

    const entries = (await storage.readAudit(draft.id, { limit: 50 })).reverse();
    const record = entries.findIndex((entry) => entry.principal === SERVER_PRINCIPAL && entry.touched.some((touched) => touched.key?.startsWith(DecisionPrefix.revision)));
    const typed = entries.findIndex((entry) => entry.principal === "chair" && entry.touched.some((touched) => touched.root === TextRoot.content));
    expect(record).toBeGreaterThanOrEqual(0);
    expect(typed).toBeGreaterThan(record);
  });
});
