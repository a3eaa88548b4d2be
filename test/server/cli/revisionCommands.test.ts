/**
 * Publishing and listing revisions from the command line, over a stopped server's data folder: the
 * revision is stored and its record is in the draft, as when the chair publishes from the editor.
 */
import { spawnSync } from "node:child_process";
import * as Y from "yjs";
import type { Revision } from "../../../schemas/records";
import { DecisionPrefix, MetaKey, Room, TextRoot } from "../../../shared/documentLayout";
import { SqliteStorage } from "../../../server/storage/SqliteStorage";
import { onTestEnd } from "../../support/cleanup";
import { runCli, SERVER_MAIN } from "../../support/serverProcess";
import { tempDataDir } from "../../support/testServer";

/** Runs `concord <args>` over `dataDir`; never throws. */
function concord(dataDir: string, args: string[]) {
  const result = spawnSync(process.execPath, [SERVER_MAIN, ...args], { env: { ...process.env, CONCORD_DATA_DIR: dataDir }, encoding: "utf8", timeout: 30_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("the revision commands", () => {
  it("publish a revision into the draft and list it", async () => {
    const dataDir = tempDataDir();
    const draftId = runCli(dataDir, ["draft", "create", "--title", "Pre-draft report"]).trim();
    const id = runCli(dataDir, ["revision", "publish", "--draft", draftId, "--label", "Zero draft", "--symbol", "A/AC.292/2025/CRP.1", "--date", "2025-03-01", "--note", "For the first round."]).trim();
    expect(id).toMatch(/^[0-9a-f]{12}$/);
    const second = runCli(dataDir, ["revision", "publish", "--draft", draftId, "--label", "Rev.1"]).trim();

    const storage = new SqliteStorage(dataDir);
    onTestEnd(() => storage.close());
    const [zero, rev1] = await storage.listRevisions(draftId);
    expect(runCli(dataDir, ["revision", "list", "--draft", draftId])).toBe(
      `1\t${id}\t2025-03-01\tZero draft\tA/AC.292/2025/CRP.1\t${zero!.publishedAt}\t${zero!.textSha256}\n` +
        `2\t${second}\t${rev1!.date}\tRev.1\t-\t${rev1!.publishedAt}\t${rev1!.textSha256}\n`,
    );
    expect(zero).toMatchObject({ note: "For the first round.", publishedBy: null });
    const text = new Y.Doc();
    for (const { update } of await storage.loadUpdates(draftId, Room.text)) Y.applyUpdate(text, update);
    expect((text.getMap(TextRoot.decisions).get(`${DecisionPrefix.revision}${id}`) as Revision).label).toBe("Zero draft");
    expect((text.getMap(TextRoot.decisions).get(`${DecisionPrefix.revision}${second}`) as Revision).ordinal).toBe(2);
    expect(text.getMap(TextRoot.meta).get(MetaKey.revision)).toBe("Rev.1");
    expect(runCli(dataDir, ["draft", "list"])).toContain("\tPre-draft report");
    expect((await storage.getDraft(draftId))?.symbol).toBe("A/AC.292/2025/CRP.1");
  });

  it("say why they refuse a bad date, a blank label or an unknown draft, and publish nothing", () => {
    const dataDir = tempDataDir();
    const draftId = runCli(dataDir, ["draft", "create", "--title", "Pre-draft report"]).trim();
    const badDate = concord(dataDir, ["revision", "publish", "--draft", draftId, "--label", "Rev.1", "--date", "2025-13-01"]);
    expect([badDate.status, badDate.stderr]).toEqual([2, expect.stringMatching(/^Refused: --date: must be a date written YYYY-MM-DD, such as 2025-03-01\./)]);
    expect(concord(dataDir, ["revision", "publish", "--draft", draftId, "--label", " "]).stderr).toMatch(/^Refused: --label: must be a label that is not blank/);
    expect(concord(dataDir, ["revision", "publish", "--draft", draftId]).stderr).toMatch(/revision publish needs --draft and --label/);
    expect(concord(dataDir, ["revision", "list", "--draft", "nosuchdraft1"]).stderr).toMatch(/No draft nosuchdraft1/);
    expect(runCli(dataDir, ["revision", "list", "--draft", draftId])).toBe("");
  });
});
