import { Room, TextRoot } from "../../../shared/documentLayout";
import { SqliteStorage } from "../../../server/storage/SqliteStorage";
import type { ConcordServer } from "../../../server/ConcordServer";
import { startConcordServer } from "../../../server/ConcordServer";
import { onTestEnd } from "../../support/cleanup";
import { doc, p } from "../../support/dsl";
import { runCli, startServerProcess } from "../../support/serverProcess";
import { connectStockClient, typeAtStart, type StockClient } from "../../support/stockClient";
import { tempDataDir } from "../../support/testServer";
import { waitFor } from "../../support/waitFor";

/** A server at a URL, as the stock-client helper needs it. */
function at(url: string): ConcordServer {
  return { url } as ConcordServer;
}

/** Two clients type into paragraph 1; resolves once each has received the other's last edit. */
async function writeAndRelay(server: ConcordServer, draftId: string, edits: number, token?: string): Promise<StockClient[]> {
  const writer = await connectStockClient(server, draftId, { token });
  const other = await connectStockClient(server, draftId, { token });
  const writerText = writer.doc.getXmlFragment(TextRoot.content);
  const otherText = other.doc.getXmlFragment(TextRoot.content);
  for (let i = 0; i < edits; i++) {
    typeAtStart(writerText, 0, `w${i} `);
    typeAtStart(otherText, 0, `o${i} `);
  }
  const lastEdits = [`w${edits - 1} `, `o${edits - 1} `];
  await waitFor(
    (): [string, string] => [writer.paragraphs()[0]!, other.paragraphs()[0]!],
    ([mine, theirs]) => mine === theirs && lastEdits.every((edit) => mine.includes(edit)),
    { what: "every edit to be relayed both ways" },
  );
  return [writer, other];
}

describe("durability", () => {
  it("keeps every relayed edit across a clean stop and restart", async () => {
    const dataDir = tempDataDir();
    const first = await startConcordServer({ dataDir, port: 0 });
    const draft = await first.drafts.create({ title: "Durable", doc: doc(p("Base.")) });
    const [writer] = await writeAndRelay(first, draft.id, 30);
    const expected = writer!.paragraphs();
    await first.close();

    const second = await startConcordServer({ dataDir, port: 0 });
    onTestEnd(() => second.close());
    const reader = await connectStockClient(second, draft.id);
    expect(reader.paragraphs()).toEqual(expected);
  });

  it("keeps every relayed edit when the server process is killed with SIGKILL", async () => {
    const dataDir = tempDataDir();
    const draftId = runCli(dataDir, ["draft", "create", "--title", "Killed"]).trim();
    const token = /Token for scripts: (\S+)/.exec(runCli(dataDir, ["invite", "--draft", draftId, "--role", "chair"]))![1]!;
    const first = await startServerProcess(dataDir);
    const [writer] = await writeAndRelay(at(first.url), draftId, 40, token);
    const expected = writer!.paragraphs();
    first.child.kill("SIGKILL");
    expect(await first.exited).toBe("SIGKILL");

    const second = await startServerProcess(dataDir);
    const reader = await connectStockClient(at(second.url), draftId, { token });
    expect(reader.paragraphs()).toEqual(expected);
  });

  it("keeps the log whole through compaction and a room's unload", async () => {
    const dataDir = tempDataDir();
    const server = await startConcordServer({ dataDir, port: 0, roomIdleUnloadMs: 20 });
    onTestEnd(() => server.close());
    const draft = await server.drafts.create({ title: "Compacted", doc: doc(p("Base.")) });
    const clients = await writeAndRelay(server, draft.id, 25);
    const expected = clients[0]!.paragraphs();
    for (const client of clients) client.destroy();
    await waitFor(() => server.rooms.size, (size) => size === 0, { what: "the idle room to unload" });
    const inspector = new SqliteStorage(dataDir);
    onTestEnd(() => inspector.close());
    expect(await inspector.loadUpdates(draft.id, Room.text)).toHaveLength(1);
    const reader = await connectStockClient(server, draft.id);
    expect(reader.paragraphs()).toEqual(expected);
  });
});
