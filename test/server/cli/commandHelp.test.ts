/**
 * The command line as an administrator meets it: every command explains itself with `--help`,
 * links begin with the address the server's own configuration gives, and a refused draft says why.
 */
import { spawnSync } from "node:child_process";
import { Role } from "../../../shared/roles";
import { SERVER_MAIN } from "../../support/serverProcess";
import { startTestServer, tempDataDir } from "../../support/testServer";

const COMMANDS = ["start", "serve", "draft create", "draft list", "invite", "migrate", "organizer create", "revision publish", "revision list"];

/** Runs `concord <args>` with `env` over `dataDir`; never throws. */
function concord(dataDir: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  const clean = { ...process.env };
  for (const name of ["PORT", "HOST", "CONCORD_PUBLIC_URL"]) delete clean[name];
  const result = spawnSync(process.execPath, [SERVER_MAIN, ...args], { env: { ...clean, CONCORD_DATA_DIR: dataDir, ...env }, encoding: "utf8", timeout: 30_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function newDraft(dataDir: string): string {
  const created = concord(dataDir, ["draft", "create", "--title", "Zero draft"]);
  expect(created.status).toBe(0);
  return created.stdout.trim();
}

describe("the command line's help and links", () => {
  it.each(COMMANDS)("explains `%s` with --help and exits 0 without doing anything", (command) => {
    const dataDir = tempDataDir();
    const shown = concord(dataDir, [...command.split(" "), "--help"]);
    expect(shown.status).toBe(0);
    expect(shown.stdout).toMatch(new RegExp(`^Usage: npm run concord -- ${command}`));
    expect(shown.stdout.split("\n").length).toBeGreaterThan(1);
    expect(concord(dataDir, ["draft", "list"]).stdout).toBe("");
  });

  it("lists every command with --help, and answers an unknown one with the list and exit code 2", () => {
    const dataDir = tempDataDir();
    const all = concord(dataDir, ["--help"]);
    expect(all.status).toBe(0);
    for (const command of COMMANDS) expect(all.stdout).toContain(`  ${command} `);
    const unknown = concord(dataDir, ["frobnicate"]);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/Unknown command: frobnicate[\s\S]*organizer create/);
    const badOption = concord(dataDir, ["invite", "--colour", "red"]);
    expect(badOption.status).toBe(2);
    expect(badOption.stderr).toMatch(/--colour[\s\S]*Usage: npm run concord -- invite/);
  });

  it("prints invitation links at CONCORD_PUBLIC_URL, else at the HOST and PORT the server would use", () => {
    const dataDir = tempDataDir();
    const draftId = newDraft(dataDir);
    const link = (env: NodeJS.ProcessEnv) => {
      const printed = concord(dataDir, ["invite", "--draft", draftId, "--role", "observer"], env);
      expect(printed.stderr).toBe("");
      return /Sign-in link \(works once\): (\S+)\/signin\/\S+/.exec(printed.stdout)?.[1];
    };
    expect(link({ CONCORD_PUBLIC_URL: "https://concord.example.org/" })).toBe("https://concord.example.org");
    expect(link({ PORT: "9123", HOST: "127.0.0.2" })).toBe("http://127.0.0.2:9123");
    expect(link({ PORT: "8181" })).toBe("http://localhost:8181");
    expect(link({})).toBe("http://localhost:8080");
    const unknown = concord(dataDir, ["invite", "--draft", draftId, "--role", "observer"], { PORT: "0" });
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/PORT=0 .*CONCORD_PUBLIC_URL/);
  });

  it("says why it refuses `draft create --title \"\"`, and a language that is not a UN language", () => {
    const dataDir = tempDataDir();
    const empty = concord(dataDir, ["draft", "create", "--title", ""]);
    expect(empty.status).toBe(2);
    expect(empty.stderr).toMatch(/^Refused: --title is empty; a draft needs a title of 1–300 characters\./);
    const language = concord(dataDir, ["draft", "create", "--title", "Zero draft", "--language", "de"]);
    expect(language.stderr).toMatch(/^Refused: --language: must be one of ar, zh, en, fr, ru, es, not "de"\./);
    expect(concord(dataDir, ["draft", "create", "--title", "Zero draft", "--notice", "soon"]).stderr).toMatch(/^Refused: --notice: must be integer\./);
    expect(concord(dataDir, ["draft", "create", "--title", "Zero draft", "--notice", "1000"]).stderr).toMatch(/^Refused: --notice: must be <= 720\./);
    expect(concord(dataDir, ["draft", "list"]).stdout).toBe("");
  });

  it("creates an organizer whose link signs in to the drafts page, where it may create drafts", async () => {
    const dataDir = tempDataDir();
    const printed = concord(dataDir, ["organizer", "create", "--name", "UNODA secretariat"], { CONCORD_PUBLIC_URL: "https://concord.example.org" });
    expect(printed.status).toBe(0);
    const signInPath = /Sign-in link \(works once\): https:\/\/concord\.example\.org(\/signin\/\S+)/.exec(printed.stdout)![1]!;
    const server = await startTestServer({ dataDir });
    const signedIn = await fetch(`${server.url}${signInPath}`, { method: "POST", redirect: "manual" });
    expect(signedIn.headers.get("location")).toBe("/");
    const cookie = signedIn.headers.get("set-cookie")!.split(";")[0]!;
    const me = await (await fetch(`${server.url}/api/me`, { headers: { cookie } })).json();
    expect(me.user).toMatchObject({ name: "UNODA secretariat", organizer: true });
    const created = await fetch(`${server.url}/api/drafts`, { method: "POST", headers: { cookie, "content-type": "application/json" }, body: JSON.stringify({ title: "Zero draft", language: "en" }) });
    expect(created.status).toBe(201);
    const listed = await (await fetch(`${server.url}/api/drafts`, { headers: { cookie } })).json();
    expect(listed.drafts.map((draft: { role: string }) => draft.role)).toEqual([Role.chair]);
  });
});
