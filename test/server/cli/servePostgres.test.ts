/**
 * Concord over PostgreSQL as an operator runs it: `CONCORD_DATABASE_URL` switches every command and
 * the server to the database, `migrate` says what it did, one process serves it, and what was
 * acknowledged survives a SIGKILL. Several processes (with Redis) are refused until they are built.
 */
import { spawnSync } from "node:child_process";
import { TextRoot } from "../../../shared/documentLayout";
import type { ConcordServer } from "../../../server/ConcordServer";
import { NOT_ALONE_MESSAGE, SERVED_ALONE_MESSAGE } from "../../../server/cli/serve";
import { SCHEMA_VERSION } from "../../../server/storage/postgresMigrations";
import { freshPostgresUrl } from "../../support/postgres";
import { SERVER_MAIN, startServerProcess } from "../../support/serverProcess";
import { connectStockClient, typeAtStart } from "../../support/stockClient";
import { tempDataDir } from "../../support/testServer";
import { waitFor } from "../../support/waitFor";

/** Runs `concord <args>` over `dataDir` with `env`; never throws. */
function concord(dataDir: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  const clean = { ...process.env };
  for (const name of ["PORT", "HOST", "CONCORD_PUBLIC_URL", "CONCORD_DATABASE_URL", "CONCORD_REDIS_URL"]) delete clean[name];
  const result = spawnSync(process.execPath, [SERVER_MAIN, ...args], { env: { ...clean, CONCORD_DATA_DIR: dataDir, ...env }, encoding: "utf8", timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const at = (url: string) => ({ url }) as ConcordServer;

describe("Concord over PostgreSQL", () => {
  it("migrates the configured store with `migrate`, saying from which version to which", async () => {
    const dataDir = tempDataDir();
    expect(concord(dataDir, ["migrate"]).stdout).toMatch(/: schema migrated from version 0 to \d+\.\n$/);
    expect(concord(dataDir, ["migrate"]).stdout).toMatch(/: schema already at version \d+\.\n$/);
    const env = { CONCORD_DATABASE_URL: await freshPostgresUrl() };
    const first = concord(dataDir, ["migrate"], env);
    expect(first.stderr).toBe("");
    expect(first.stdout).toMatch(new RegExp(`^PostgreSQL database concord_\\w+ on /\\S+: schema migrated from version 0 to ${SCHEMA_VERSION}\\.\\n$`));
    expect(concord(dataDir, ["migrate"], env).stdout).toMatch(new RegExp(`schema already at version ${SCHEMA_VERSION}\\.\\n$`));
  });

  it("keeps drafts in the database, not the data folder, for every command and the server; an acknowledged edit survives SIGKILL", async () => {
    const dataDir = tempDataDir();
    const env = { CONCORD_DATABASE_URL: await freshPostgresUrl() };
    const draftId = concord(dataDir, ["draft", "create", "--title", "Over PostgreSQL"], env).stdout.trim();
    expect(concord(dataDir, ["draft", "list"], env).stdout).toContain(`${draftId}\t`);
    expect(concord(dataDir, ["draft", "list"]).stdout).toBe("");
    const token = /Token for scripts: (\S+)/.exec(concord(dataDir, ["invite", "--draft", draftId, "--role", "chair"], env).stdout)![1]!;

    const first = await startServerProcess(dataDir, "serve", env);
    expect(first.output()).toMatch(/Concord is serving PostgreSQL database concord_\w+ on \S+ at http/);
    const writer = await connectStockClient(at(first.url), draftId, { token });
    const reader = await connectStockClient(at(first.url), draftId, { token });
    typeAtStart(writer.doc.getXmlFragment(TextRoot.content), 0, "Saved in PostgreSQL. ");
    // Relayed only once committed: what the reader sees is in the database.
    await waitFor(() => reader.paragraphs()[0] ?? "", (paragraph) => paragraph.startsWith("Saved in PostgreSQL."), { what: "the edit to be relayed" });
    first.child.kill("SIGKILL");
    expect(await first.exited).toBe("SIGKILL");

    const second = await startServerProcess(dataDir, "serve", env);
    const fresh = await connectStockClient(at(second.url), draftId, { token });
    expect(fresh.paragraphs()[0]).toMatch(/^Saved in PostgreSQL\./);
  });

  it("refuses a second process serving the same database alone, and a cluster process beside one serving alone", async () => {
    const dataDir = tempDataDir();
    const env = { CONCORD_DATABASE_URL: await freshPostgresUrl(), PORT: "0", HOST: "127.0.0.1" };
    await startServerProcess(dataDir, "serve", env);
    const second = concord(dataDir, ["serve"], env);
    expect(second.status).toBe(1);
    expect(second.stderr).toContain(NOT_ALONE_MESSAGE);
    const withRedis = concord(dataDir, ["serve"], { ...env, CONCORD_REDIS_URL: "/tmp/redis.sock" });
    expect(withRedis.status).toBe(1);
    expect(withRedis.stderr).toContain(SERVED_ALONE_MESSAGE);
    const redisAlone = concord(dataDir, ["serve"], { CONCORD_REDIS_URL: "/tmp/redis.sock" });
    expect(redisAlone.stderr).toContain("CONCORD_REDIS_URL needs CONCORD_DATABASE_URL");
  });
});
