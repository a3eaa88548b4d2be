import fs from "node:fs";
import path from "node:path";
import { STOPPED_MESSAGE } from "../../../server/cli/commands";
import { REPO_ROOT } from "../../../server/paths";
import { launch, runCli } from "../../support/serverProcess";
import { tempDataDir } from "../../support/testServer";
import { waitFor } from "../../support/waitFor";

const DEMO_FILE = path.join(REPO_ROOT, "server", "demo", "demoDraft.md");

/** `npm start`, as a person runs it in a fresh clone, on a free port. */
function npmStart(dataDir: string) {
  return launch("npm", ["start"], { CONCORD_DATA_DIR: dataDir, PORT: "0", HOST: "127.0.0.1" }, REPO_ROOT, { detached: true });
}

/**
 * Ctrl-C in a terminal signals the whole process group: npm and the server under it. npm then
 * ends by the same signal; the server must have saved everything and said so first.
 */
async function pressCtrlC(running: Awaited<ReturnType<typeof npmStart>>): Promise<void> {
  process.kill(-running.child.pid!, "SIGINT");
  expect([0, "SIGINT"]).toContain(await running.exited);
  expect(running.output()).toContain(STOPPED_MESSAGE);
}

/** Follows a sign-in link as a browser would (open, press the button) and returns the session cookie. */
async function signIn(link: string): Promise<string> {
  expect((await fetch(link)).status).toBe(200);
  const response = await fetch(link, { method: "POST", redirect: "manual" });
  expect(response.status).toBe(303);
  return response.headers.get("set-cookie")!.split(";")[0]!;
}

describe("the command line", () => {
  it("creates drafts from a file and lists them", () => {
    const dataDir = tempDataDir();
    const id = runCli(dataDir, ["draft", "create", "--from", DEMO_FILE]).trim();
    const other = runCli(dataDir, ["draft", "create", "--title", "Zero draft"]).trim();
    const listing = runCli(dataDir, ["draft", "list"]);
    expect(listing).toContain(`${id}\t`);
    expect(listing).toMatch(/Pre-draft report of the Open-ended Working Group/);
    expect(listing).toContain(`${other}\t`);
    expect(listing).toContain("Zero draft");
  });

  it("creates a draft from a Word file, titled by the document", () => {
    const dataDir = tempDataDir();
    const id = runCli(dataDir, ["draft", "create", "--from", path.join(REPO_ROOT, "test", "fixtures", "import", "seed-004.docx")]).trim();
    expect(runCli(dataDir, ["draft", "list"])).toContain(`${id}\t`);
    expect(runCli(dataDir, ["draft", "list"])).toMatch(/\tNational Opinion of El Salvador\n/);
  });

  it("refuses a program renamed to .docx with the reason, and a file with no title of its own without --title", () => {
    const dataDir = tempDataDir();
    const renamed = path.join(dataDir, "report.docx");
    fs.writeFileSync(renamed, fs.readFileSync(process.execPath).subarray(0, 64 * 1024));
    expect(() => runCli(dataDir, ["draft", "create", "--from", renamed])).toThrow(/This is not a text, Markdown or Word file: it looks like a program \(ELF\)\./);
    expect(() => runCli(dataDir, ["draft", "create", "--from", path.join(REPO_ROOT, "test", "fixtures", "import", "untitled.txt")])).toThrow(/untitled\.txt has no title of its own: give one with --title\./);
    expect(runCli(dataDir, ["draft", "list"])).toBe("");
  });

  it("answers a wrong command with its usage and exit code 2", () => {
    expect(() => runCli(tempDataDir(), ["draft", "frobnicate"])).toThrow(/Usage: npm run concord/);
  });

  it("serves the demo with `npm start`, shuts down on Ctrl-C, and reuses the data on a second start", async () => {
    const dataDir = tempDataDir();
    const first = await npmStart(dataDir);
    await waitFor(() => first.output(), (output) => /Observer\s+http/.test(output), { what: "the demo's sign-in links" });
    expect(first.output()).toMatch(/Created the demo draft/);
    for (const label of ["Chair", "Cuba", "El Salvador", "Uzbekistan", "Observer"]) {
      expect(first.output()).toMatch(new RegExp(`${label}\\s+http://\\S+/signin/\\S+`));
    }
    const health = await fetch(`${first.url}/health`);
    expect(health.status).toBe(200);
    expect((await fetch(`${first.url}/api/drafts`)).status).toBe(401);
    const cookie = await signIn(/Chair\s+(http:\/\/\S+)/.exec(first.output())![1]!);
    const { drafts } = (await (await fetch(`${first.url}/api/drafts`, { headers: { cookie } })).json()) as { drafts: Array<{ id: string }> };
    expect(drafts).toHaveLength(1);
    const page = await fetch(`${first.url}/d/${drafts[0]!.id}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("/assets/app.js");
    expect((await fetch(`${first.url}/assets/app.js`)).status).toBe(200);
    expect((await fetch(`${first.url}/assets/styles.css`)).status).toBe(200);

    await pressCtrlC(first);

    const second = await npmStart(dataDir);
    expect(second.output()).not.toMatch(/Created the demo draft/);
    const again = (await (await fetch(`${second.url}/api/drafts`, { headers: { cookie } })).json()) as { drafts: Array<{ id: string }> };
    expect(again.drafts.map((draft) => draft.id)).toEqual([drafts[0]!.id]);
    await pressCtrlC(second);
  }, 120_000);
});
