/**
 * A process whose copy is behind the log catches up before its guard refuses an update as
 * "references items not seen" (issue 16). To make "behind" certain, the two servers share the
 * database but ring different Redis servers, so no ring crosses, and B's periodic head check is an
 * hour apart: B learns of A's commit only from the catch-up this test is about.
 */
import * as Y from "yjs";
import { Room, TextRoot } from "../../../shared/documentLayout";
import type { PostgresStorage } from "../../../server/storage/PostgresStorage";
import { openRaw, updateFrame } from "../../support/attacker";
import { startClusterServer } from "../../support/cluster";
import { doc, p } from "../../support/dsl";
import { chairToken } from "../../support/members";
import { freshPostgresUrl } from "../../support/postgres";
import { startRedis } from "../../support/redis";
import { connectStockClient, paragraphTexts, typeAtStart } from "../../support/stockClient";
import { waitFor } from "../../support/waitFor";

const HOUR_MS = 3_600_000;

it("a server behind the log catches up, then accepts an update that builds on what it had not seen", async () => {
  const databaseUrl = await freshPostgresUrl();
  const [redisA, redisB] = await Promise.all([startRedis(), startRedis()]);
  const a = await startClusterServer({ databaseUrl, redisUrl: redisA.url });
  const b = await startClusterServer({ databaseUrl, redisUrl: redisB.url, headCheckMs: HOUR_MS });
  const draft = await a.drafts.create({ title: "Behind", doc: doc(p("Paragraph.")) });
  const bRoom = await b.rooms.open(draft.id, Room.text);
  const writer = await connectStockClient(a, draft.id);

  const store = a.storage as PostgresStorage;
  const headBefore = await store.roomHead(draft.id, Room.text);
  typeAtStart(writer.doc.getXmlFragment(TextRoot.content), 0, "Alpha ");
  await waitFor(() => store.roomHead(draft.id, Room.text), (head) => head > headBefore, { what: "A's commit" });

  // An update that builds on "Alpha", made on a copy of A's client and sent to B at once.
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(writer.doc));
  let builds: Uint8Array | null = null;
  copy.on("update", (update: Uint8Array) => (builds = update));
  const alpha = (copy.getXmlFragment(TextRoot.content).get(0) as Y.XmlElement).get(0) as Y.XmlText;
  alpha.insert("Alpha ".length, "Beta ");
  expect(paragraphTexts(bRoom!.document.getXmlFragment(TextRoot.content))[0]).not.toContain("Alpha");

  const sender = await openRaw(b, draft.id, Room.text, await chairToken(b, draft.id));
  sender.socket.send(updateFrame(builds!));
  expect(await sender.verdict()).toBeNull();
  await waitFor(() => writer.paragraphs()[0] ?? "", (text) => text.startsWith("Alpha Beta Paragraph."), { what: "B's accepted update on A (by A's head check)" });
});
